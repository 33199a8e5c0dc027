"""How long an MP3 plays, by counting its MPEG audio frames (no decoder needed)."""
BITRATES_KBPS = {  # layer III: MPEG-1, then MPEG-2/2.5
    1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
SAMPLE_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def _skip_id3(data: bytes) -> int:
    if data[:3] != b"ID3":
        return 0
    size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
    return 10 + size


def frames(data: bytes) -> list[tuple[int, int]]:
    """(samples, sample_rate) of each layer III frame, walking header to header."""
    found, offset = [], _skip_id3(data)
    while offset + 4 <= len(data):
        b1, b2, b3 = data[offset + 1], data[offset + 2], data[offset + 3]
        if data[offset] != 0xFF or (b1 & 0xE0) != 0xE0:
            raise ValueError(f"no frame header at byte {offset}")
        version, layer = (b1 >> 3) & 3, (b1 >> 1) & 3
        bitrate_index, rate_index, padding = b2 >> 4, (b2 >> 2) & 3, (b2 >> 1) & 1
        if layer != 1 or version == 1 or bitrate_index in (0, 15) or rate_index == 3:
            raise ValueError(f"not a layer III frame at byte {offset}")
        mpeg1 = version == 3
        rate = SAMPLE_RATES[version][rate_index]
        kbps = BITRATES_KBPS[1 if mpeg1 else 2][bitrate_index]
        length = (144 if mpeg1 else 72) * kbps * 1000 // rate + padding
        found.append((1152 if mpeg1 else 576, rate))
        offset += length
    return found


def duration_s(data: bytes) -> float:
    return sum(samples / rate for samples, rate in frames(data))
