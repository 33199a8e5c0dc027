"""What a JPEG holds, read from its markers without decoding a pixel.

A progressive JPEG is decoded scan by scan, each scan over the whole image: a small file
whose last scan is repeated thousands of times takes minutes to decode. Real photos have
at most a dozen or so scans, so the scans are counted (SOS markers, walking the segments
and skipping the entropy-coded data) before anything is decoded.
"""
import re

#: a JPEG with more scans is refused before decoding (photos and scans have a dozen at most)
MAX_SCANS = 64
SOI, SOS, EOI = 0xD8, 0xDA, 0xD9
#: a marker inside entropy-coded data: 0xFF then neither 0x00 (stuffing), a restart
#: marker (0xD0-0xD7) nor 0xFF (fill)
_NEXT_MARKER = re.compile(rb"\xff[\x01-\xcf\xd8-\xfe]")


def count_scans(data: bytes) -> int:
    """The number of scans (SOS segments) of a JPEG; 0 for anything that is not one."""
    if data[:2] != b"\xff\xd8":
        return 0
    scans, position, size = 0, 2, len(data)
    while position + 4 <= size:
        if data[position] != 0xFF:
            return scans  # not where a marker belongs: the decoder will refuse it
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte before a marker
            position += 1
            continue
        if marker == EOI:
            return scans
        if marker == SOI or 0xD0 <= marker <= 0xD7:
            position += 2
            continue
        position += 2 + int.from_bytes(data[position + 2:position + 4], "big")
        if marker == SOS:
            scans += 1
            found = _NEXT_MARKER.search(data, position)
            if found is None:
                return scans
            position = found.start()
    return scans
