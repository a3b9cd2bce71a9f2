"""Run by LibreOffice's own Python (it needs `uno`): open a .docx, update its indexes (the table
of contents gets page numbers), export a tagged PDF. Usage: lo_convert.py PIPE SOURCE TARGET.

A separate script because `uno` lives in the system Python, not in labkit's environment.
"""

import contextlib
import sys
import time
from pathlib import Path


def main(pipe: str, source: str, target: str) -> None:
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name: str, value: object) -> PropertyValue:
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    context = None
    for _ in range(120):  # LibreOffice takes a few seconds to accept connections
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:  # noqa: BLE001 - not listening yet
            time.sleep(0.25)
    if context is None:
        sys.exit("LibreOffice did not accept the connection")
    manager = context.ServiceManager
    desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    document = desktop.loadComponentFromURL(Path(source).as_uri(), "_blank", 0,
                                            (prop("Hidden", True),))
    indexes = document.getDocumentIndexes()
    for index in range(indexes.getCount()):
        indexes.getByIndex(index).update()
    document.refresh()
    filter_data = uno.Any("[]com.sun.star.beans.PropertyValue",
                          (prop("UseTaggedPDF", True),))
    document.storeToURL(Path(target).as_uri(), (prop("FilterName", "writer_pdf_Export"),
                                                prop("FilterData", filter_data)))
    document.close(True)
    with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
        desktop.terminate()


if __name__ == "__main__":
    main(*sys.argv[1:4])
