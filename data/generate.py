#!/usr/bin/env python3
"""Synthesizes the sample recordings in data/recordings: five mouth-noise-like sounds, 12 takes each.

Nothing here was recorded: every take is made from noise and tones with its own random pitch, length, loudness,
room noise and silence around it, so that the set behaves like a user's recordings (takes differ, silence is
trimmed by the level threshold) while staying small (about 1 MB) and free of licences. Two takes per sound are
written the way other recorders write files (44.1 kHz stereo 24-bit PCM, 48 kHz 32-bit float) so that the sample
set exercises the decoder too.

usage: python3 data/generate.py [OUT]   (default: data/recordings next to this script; standard library only)
"""
import math
import os
import random
import struct
import sys
import wave

RATE = 16000


def noise(rng, n):
    return [rng.uniform(-1, 1) for _ in range(n)]


def envelope(n, attack, decay):
    out = []
    for i in range(n):
        t = i / RATE
        a = min(1.0, t / attack) if attack > 0 else 1.0
        out.append(a * math.exp(-t / decay))
    return out


def lowpass(x, k):
    y, s = [], 0.0
    for v in x:
        s += k * (v - s)
        y.append(s)
    return y


def highpass(x, k):
    lp = lowpass(x, k)
    return [a - b for a, b in zip(x, lp)]


def click(rng):
    n = int(RATE * rng.uniform(0.03, 0.05))
    env = envelope(n, 0.0005, rng.uniform(0.003, 0.006))
    return [e * v for e, v in zip(env, highpass(noise(rng, n), 0.25))]


def pop(rng):
    n = int(RATE * rng.uniform(0.06, 0.1))
    f = rng.uniform(180, 260)
    env = envelope(n, 0.002, rng.uniform(0.015, 0.025))
    body = [math.sin(2 * math.pi * f * (1 - 0.4 * i / n) * i / RATE) for i in range(n)]
    return [e * (0.85 * b + 0.15 * v) for e, b, v in zip(env, body, lowpass(noise(rng, n), 0.1))]


def hiss(rng):
    n = int(RATE * rng.uniform(0.35, 0.6))
    env = [min(1.0, i / (0.04 * RATE), (n - i) / (0.06 * RATE)) for i in range(n)]
    return [e * v * 0.5 for e, v in zip(env, highpass(noise(rng, n), 0.55))]


def whistle(rng):
    n = int(RATE * rng.uniform(0.3, 0.5))
    f0 = rng.uniform(1400, 2200)
    vib = rng.uniform(4, 7)
    env = [min(1.0, i / (0.05 * RATE), (n - i) / (0.05 * RATE)) for i in range(n)]
    phase, out = 0.0, []
    for i in range(n):
        f = f0 * (1 + 0.02 * math.sin(2 * math.pi * vib * i / RATE))
        phase += 2 * math.pi * f / RATE
        out.append(env[i] * 0.6 * math.sin(phase))
    breath = highpass(noise(rng, n), 0.5)
    return [o + 0.03 * b * e for o, b, e in zip(out, breath, env)]


def cluck(rng):
    n = int(RATE * rng.uniform(0.05, 0.08))
    f = rng.uniform(700, 1000)
    env = envelope(n, 0.001, rng.uniform(0.008, 0.014))
    tone = [math.sin(2 * math.pi * f * i / RATE) for i in range(n)]
    band = lowpass(highpass(noise(rng, n), 0.2), 0.5)
    return [e * (0.6 * t + 0.4 * b) for e, t, b in zip(env, tone, band)]


SOUNDS = {'click': click, 'pop': pop, 'hiss': hiss, 'whistle': whistle, 'cluck': cluck}


def take(rng, make):
    body = make(rng)
    peak = max(abs(v) for v in body) or 1.0
    gain = rng.uniform(0.25, 0.8) / peak
    before, after = int(RATE * rng.uniform(0.05, 0.15)), int(RATE * rng.uniform(0.1, 0.2))
    room = rng.uniform(0.0005, 0.003)
    signal = [0.0] * before + [v * gain for v in body] + [0.0] * after
    return [v + rng.gauss(0, room) for v in signal]


def resample_linear(x, rate):
    n = int(len(x) * rate / RATE)
    out = []
    for i in range(n):
        p = i * RATE / rate
        j = int(p)
        f = p - j
        a = x[min(j, len(x) - 1)]
        b = x[min(j + 1, len(x) - 1)]
        out.append(a + f * (b - a))
    return out


def write_pcm16(path, x):
    with wave.open(path, 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b''.join(struct.pack('<h', max(-32768, min(32767, int(v * 32767)))) for v in x))


def write_stereo24(path, x):
    y = resample_linear(x, 44100)
    with wave.open(path, 'wb') as w:
        w.setnchannels(2)
        w.setsampwidth(3)
        w.setframerate(44100)
        frames = bytearray()
        for v in y:
            s = max(-8388608, min(8388607, int(v * 8388607)))
            b = struct.pack('<i', s)[:3]
            frames += b + b
        w.writeframes(bytes(frames))


def write_float32(path, x):
    y = resample_linear(x, 48000)
    data = struct.pack('<%df' % len(y), *y)
    fmt = struct.pack('<HHIIHH', 3, 1, 48000, 48000 * 4, 4, 32)
    with open(path, 'wb') as f:
        f.write(b'RIFF' + struct.pack('<I', 4 + 8 + len(fmt) + 8 + len(data)) + b'WAVE')
        f.write(b'fmt ' + struct.pack('<I', len(fmt)) + fmt)
        f.write(b'data' + struct.pack('<I', len(data)) + data)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), 'recordings')
    for sound, make in SOUNDS.items():
        rng = random.Random('parrot-sample-' + sound)
        folder = os.path.join(out, sound)
        os.makedirs(folder, exist_ok=True)
        for i in range(1, 13):
            x = take(rng, make)
            path = os.path.join(folder, '%s_%02d.wav' % (sound, i))
            if i == 11:
                write_stereo24(path, x)
            elif i == 12:
                write_float32(path, x)
            else:
                write_pcm16(path, x)
    print('wrote sample recordings to', out)


if __name__ == '__main__':
    main()
