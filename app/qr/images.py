"""QR code images: PNG and SVG to download, and the picture on the poster.

Error correction level H (30% of the code may be lost) so a worn, dirty or
partly torn stairwell poster still scans.
"""
import io

import qrcode
from qrcode.constants import ERROR_CORRECT_H
from qrcode.image.svg import SvgPathFillImage

#: modules of white margin around the code (the standard's quiet zone)
QUIET_ZONE = 4
#: PNG download: pixels per module, at 300 dpi about 1.7 mm a module (≈ 9 cm for a typical link)
PNG_BOX_PX = 20
PNG_DPI = 300
#: SVG download: qrcode counts 10 "pixels" per mm, so 15 = 1.5 mm a module
SVG_BOX = 15


def _code(data: str, box_size: int) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_H, box_size=box_size, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    return code


def pil_image(data: str, box_px: int = PNG_BOX_PX):
    """A black-and-white PIL image (mode "1") of the code."""
    return _code(data, box_px).make_image().get_image()


def png_bytes(data: str, box_px: int = PNG_BOX_PX) -> bytes:
    out = io.BytesIO()
    pil_image(data, box_px).save(out, format="PNG", dpi=(PNG_DPI, PNG_DPI), optimize=True)
    return out.getvalue()


def svg_bytes(data: str) -> bytes:
    image = _code(data, SVG_BOX).make_image(image_factory=SvgPathFillImage)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + image.to_string(encoding="unicode").encode()
