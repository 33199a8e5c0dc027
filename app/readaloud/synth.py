"""Speech as MP3: espeak-ng's Mandarin voice and lame, or a TTS service (TTS_HTTP_URL).

Audio is cached on disk by the hash of engine, voice and text, so a page that did
not change is spoken once; the cache is bounded by READ_ALOUD_CACHE_MAX_MB, least
recently used out first (app.readaloud.cache). Synthesis runs in subprocesses (gevent's cooperative
subprocess under the gevent server, so the event loop and /health keep answering;
niced, so they leave the CPU to requests) or over HTTP, bounded by READ_ALOUD_TIMEOUT_S, with at most READ_ALOUD_CONCURRENCY
syntheses at once per process.
"""
import hashlib
import logging
import os
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import requests
from flask import current_app

from app.errors import Unavailable
from app.readaloud import cache, messages

log = logging.getLogger(__name__)
#: espeak-ng's speed in "words" per minute; each Chinese character counts as a word, so
#: 200 is about three characters a second with the pauses: unhurried, for older listeners
ESPEAK_SPEED_WPM = "200"
#: 16 kHz mono MP3 at 32 kbit/s: clear speech, small files, quick to encode
LAME_ARGS = ["--quiet", "-m", "m", "--resample", "16", "-b", "32"]
#: synthesis yields the CPU to the server's requests
NICE = ["nice", "-n", "10"]


def engine() -> str:
    return "http" if current_app.config.get("TTS_HTTP_URL") else "espeak-ng"


def cache_key(text: str) -> str:
    voice = current_app.config["READ_ALOUD_VOICE"]
    return hashlib.sha256(f"{engine()}\n{voice}\n{text}".encode()).hexdigest()


def cache_path(key: str) -> Path:
    return Path(current_app.config["READ_ALOUD_CACHE_DIR"]) / key[:2] / f"{key}.mp3"


def _slots() -> threading.BoundedSemaphore:
    extensions = current_app.extensions
    if "read_aloud_slots" not in extensions:
        extensions["read_aloud_slots"] = threading.BoundedSemaphore(current_app.config["READ_ALOUD_CONCURRENCY"])
    return extensions["read_aloud_slots"]


def _run(args: list[str], deadline: float, stdin: bytes | None = None) -> None:
    left = deadline - time.monotonic()
    if left <= 0:
        raise subprocess.TimeoutExpired(args, 0)
    subprocess.run(args, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   timeout=left, check=True)


def _espeak(text: str, voice: str, deadline: float) -> bytes:
    with tempfile.TemporaryDirectory(prefix="gz-tts-") as folder:
        wav, mp3 = os.path.join(folder, "speech.wav"), os.path.join(folder, "speech.mp3")
        _run([*NICE, "espeak-ng", "-v", voice, "-s", ESPEAK_SPEED_WPM, "-w", wav], deadline, text.encode())
        _run([*NICE, "lame", *LAME_ARGS, wav, mp3], deadline)
        return Path(mp3).read_bytes()


def _http(text: str, voice: str, deadline: float) -> bytes:
    config = current_app.config
    headers = {"Authorization": f"Bearer {config['TTS_HTTP_TOKEN']}"} if config.get("TTS_HTTP_TOKEN") else {}
    response = requests.post(config["TTS_HTTP_URL"], json={"text": text, "voice": voice, "format": "mp3"},
                             headers=headers, timeout=max(0.1, deadline - time.monotonic()))
    response.raise_for_status()
    if not response.content:
        raise ValueError("empty audio")
    return response.content


def synthesise(text: str) -> bytes:
    """MP3 bytes for the text, from the configured engine (no cache)."""
    config = current_app.config
    deadline = time.monotonic() + config["READ_ALOUD_TIMEOUT_S"]
    speak = _http if engine() == "http" else _espeak
    try:
        return speak(text, config["READ_ALOUD_VOICE"], deadline)
    except (OSError, ValueError, subprocess.SubprocessError, requests.RequestException) as error:
        log.warning("read-aloud synthesis failed (%s): %s", engine(), type(error).__name__)
        raise Unavailable(messages.UNAVAILABLE, code="read_aloud_unavailable") from None


def cached_audio(key: str) -> Path | None:
    """The cached MP3 of a key, if it is still there; None for anything else."""
    if len(key) != 64 or any(ch not in "0123456789abcdef" for ch in key):
        return None
    path = cache_path(key)
    return path if cache.touch(path) else None


def audio_for(text: str) -> tuple[Path, str]:
    """The cached MP3 of this text (made now if missing) and its key (an ETag)."""
    key = cache_key(text)
    path = cache_path(key)
    if cache.touch(path):
        return path, key
    slots = _slots()
    if not slots.acquire(timeout=current_app.config["READ_ALOUD_TIMEOUT_S"]):
        raise Unavailable(messages.TOO_BUSY, code="read_aloud_busy")
    try:
        if not path.exists():  # made by another request while this one waited
            audio = synthesise(text)
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
            partial.write_bytes(audio)
            os.replace(partial, path)  # atomic: readers see all of it or none
            config = current_app.config
            cache.prune(Path(config["READ_ALOUD_CACHE_DIR"]), int(config["READ_ALOUD_CACHE_MAX_MB"] * 2**20), path)
    finally:
        slots.release()
    return path, key
