#!/usr/bin/python3
"""Generates a large synthetic recordings folder for the scale run: SOUNDS sounds with MINUTES of audio each.

Each sound folder holds 30-second recordings of back-to-back takes (random pitch, length, loudness and room noise per
take, a short pause between takes), so nearly every window holds sound: ten minutes of a sound are about 40,000
windows. Nothing is recorded; the sounds only need to be distinct and to vary from take to take.

usage: generate_scale.py OUT MINUTES [SOUNDS]   (SOUNDS <= 10, default 10; needs numpy: run with /usr/bin/python3)
"""
import os
import sys
import wave

import numpy as np

RATE = 16000
RECORDING_SECONDS = 30


def envelope(n, attack, decay):
    t = np.arange(n) / RATE
    return np.minimum(1.0, t / attack) * np.exp(-t / decay)


def lowpass(x, k):
    # One-pole smoothing, vectorised through an exponential kernel (long enough for k >= 0.05).
    kernel = k * (1 - k) ** np.arange(int(8 / k))
    return np.convolve(x, kernel)[:len(x)]


def highpass(x, k):
    return x - lowpass(x, k)


def tone(f, n, rng):
    phase = 2 * np.pi * np.cumsum(np.full(n, f) * (1 + 0.01 * rng.standard_normal()) / RATE)
    return np.sin(phase)


def click(rng):
    n = int(RATE * rng.uniform(0.03, 0.05))
    return envelope(n, 0.0005, rng.uniform(0.003, 0.006)) * highpass(rng.uniform(-1, 1, n), 0.25)


def pop(rng):
    n = int(RATE * rng.uniform(0.06, 0.1))
    f = rng.uniform(180, 260) * (1 - 0.4 * np.arange(n) / n)
    body = np.sin(2 * np.pi * np.cumsum(f) / RATE)
    return envelope(n, 0.002, rng.uniform(0.015, 0.025)) * (0.85 * body + 0.15 * lowpass(rng.uniform(-1, 1, n), 0.1))


def hiss(rng, seconds=None):
    n = int(RATE * (rng.uniform(0.35, 0.6) if seconds is None else seconds))
    i = np.arange(n)
    env = np.minimum(1.0, np.minimum(i / (0.04 * RATE), (n - i) / (0.06 * RATE)))
    return env * 0.5 * highpass(rng.uniform(-1, 1, n), 0.55)


def whistle(rng, seconds=None):
    n = int(RATE * (rng.uniform(0.3, 0.5) if seconds is None else seconds))
    i = np.arange(n)
    f = rng.uniform(1400, 2200) * (1 + 0.02 * np.sin(2 * np.pi * rng.uniform(4, 7) * i / RATE))
    env = np.minimum(1.0, np.minimum(i / (0.05 * RATE), (n - i) / (0.05 * RATE)))
    return env * 0.6 * np.sin(2 * np.pi * np.cumsum(f) / RATE)


def cluck(rng):
    n = int(RATE * rng.uniform(0.05, 0.08))
    band = lowpass(highpass(rng.uniform(-1, 1, n), 0.2), 0.5)
    return envelope(n, 0.001, rng.uniform(0.008, 0.014)) * (0.6 * tone(rng.uniform(700, 1000), n, rng) + 0.4 * band)


def hum(rng, seconds=None):
    n = int(RATE * (rng.uniform(0.4, 0.8) if seconds is None else seconds))
    f = rng.uniform(100, 150)
    x = sum(tone(f * h, n, rng) / h for h in range(1, 6))
    i = np.arange(n)
    return np.minimum(1.0, np.minimum(i / (0.03 * RATE), (n - i) / (0.03 * RATE))) * x


def buzz(rng):
    n = int(RATE * rng.uniform(0.2, 0.4))
    f = rng.uniform(200, 300)
    saw = 2 * ((np.arange(n) * f / RATE) % 1.0) - 1
    i = np.arange(n)
    return np.minimum(1.0, np.minimum(i / (0.01 * RATE), (n - i) / (0.02 * RATE))) * saw


def chirp(rng):
    n = int(RATE * rng.uniform(0.15, 0.3))
    f = np.linspace(rng.uniform(400, 600), rng.uniform(1800, 2500), n)
    i = np.arange(n)
    return np.minimum(1.0, np.minimum(i / (0.01 * RATE), (n - i) / (0.01 * RATE))) * np.sin(2 * np.pi * np.cumsum(f) / RATE)


def knock(rng):
    n = int(RATE * rng.uniform(0.08, 0.15))
    body = tone(rng.uniform(150, 300), n, rng) + 0.5 * tone(rng.uniform(450, 700), n, rng)
    return envelope(n, 0.001, rng.uniform(0.02, 0.04)) * (body + 0.3 * lowpass(rng.uniform(-1, 1, n), 0.2))


def shush(rng, seconds=None):
    n = int(RATE * (rng.uniform(0.3, 0.5) if seconds is None else seconds))
    i = np.arange(n)
    env = np.minimum(1.0, np.minimum(i / (0.05 * RATE), (n - i) / (0.05 * RATE)))
    return env * lowpass(highpass(rng.uniform(-1, 1, n), 0.15), 0.35)


SOUNDS = [click, pop, hiss, whistle, cluck, hum, buzz, chirp, knock, shush]


def recording(make, rng):
    out = []
    length = 0
    room = rng.uniform(0.0005, 0.003)
    while length < RECORDING_SECONDS * RATE:
        body = make(rng)
        body = body * rng.uniform(0.25, 0.8) / (np.max(np.abs(body)) or 1.0)
        pause = np.zeros(int(RATE * rng.uniform(0.01, 0.04)))
        out += [body, pause]
        length += len(body) + len(pause)
    x = np.concatenate(out)[:RECORDING_SECONDS * RATE]
    return x + rng.normal(0, room, len(x))


def write_pcm16(path, x):
    with wave.open(path, 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((np.clip(x, -1, 1) * 32767).astype('<i2').tobytes())


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, minutes = sys.argv[1], float(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else len(SOUNDS)
    recordings = max(1, round(minutes * 60 / RECORDING_SECONDS))
    for make in SOUNDS[:count]:
        folder = os.path.join(out, make.__name__)
        os.makedirs(folder, exist_ok=True)
        rng = np.random.default_rng(sum(map(ord, make.__name__)))
        for r in range(recordings):
            write_pcm16(os.path.join(folder, '%s_%03d.wav' % (make.__name__, r + 1)), recording(make, rng))
    print('wrote %d sounds x %d recordings of %d s to %s' % (count, recordings, RECORDING_SECONDS, out))


if __name__ == '__main__':
    main()
