"""Decoding what we print: QR images (pyzbar/zbar) and PDFs (poppler)."""
import io
import re
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw
from pyzbar.pyzbar import ZBarSymbol, decode

BASE_URL = "https://gongzhi.example.cn"


def decoded_links(image: Image.Image) -> list[str]:
    return [symbol.data.decode() for symbol in decode(image, symbols=[ZBarSymbol.QRCODE])]


def png_links(body: bytes) -> list[str]:
    return decoded_links(Image.open(io.BytesIO(body)))


def svg_links(body: bytes, px_per_unit: int = 6) -> list[str]:
    """Draw the SVG's module rectangles (qrcode's path of M x,y H x2 V y2 H x z) and decode."""
    text = body.decode()
    size = float(re.search(r'viewBox="0 0 ([\d.]+) ', text).group(1))
    image = Image.new("L", (int(size * px_per_unit), int(size * px_per_unit)), 255)
    draw = ImageDraw.Draw(image)
    path = re.search(r'<path[^>]* d="([^"]+)"', text).group(1)
    for x, y, x2, y2 in re.findall(r"M([\d.]+),([\d.]+)H([\d.]+)V([\d.]+)H[\d.]+z", path):
        draw.rectangle([float(x) * px_per_unit, float(y) * px_per_unit,
                        float(x2) * px_per_unit - 1, float(y2) * px_per_unit - 1], fill=0)
    return decoded_links(image)


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdf_word_boxes(path: Path) -> list[tuple[str, float, float]]:
    """Each word poppler finds with its left and right edge, in points."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [(word, float(x_min), float(x_max)) for x_min, x_max, word in
            re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
                       html)]


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_image_links(path: Path, out_dir: Path) -> list[str]:
    """The images embedded in the PDF, extracted as they are stored, decoded in page order."""
    subprocess.run(["pdfimages", "-png", str(path), str(out_dir / "img")], check=True)
    links = []
    for image_path in sorted(out_dir.glob("img-*.png")):
        found = decoded_links(Image.open(image_path))
        assert len(found) == 1, image_path
        links.extend(found)
    return links
