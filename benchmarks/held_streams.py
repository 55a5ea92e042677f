#!/usr/bin/python3
"""Held and short sounds on streams between real speech (issue 19): ours with its own settings against the reference.

  benchmarks/held_streams.py [--seed 1] [--minutes 5] [--takes 20] [--skip-build | --jar JAR] [--reuse-streams]
                            [--keep-margins 0.1,0.2]

1. Data (seeded, synthesized with generate_scale.py's generators): four held sounds (hiss, shush, whistle, hum; takes
   of 0.8-2.5 s) and two short ones (click, pop). Training: --takes takes per sound, each a WAV with a quarter second
   of room before and after, at a random loudness (peak -30 to -6 dBFS), plus a background folder `speech` of real
   speech (build-speech.sh's Spanish speaker, about two minutes). The stream's takes come from another seed.
2. The stream (--minutes long): stretches of real speech in another language (the Italian speaker) alternating with
   stretches of quiet room (streams.py's room noise) holding the takes, each at a random loudness (peak -30 to -6
   dBFS), never cut short. The truth is stream.srt: a held take from its first to its last sample, a short one from
   its first sample to where it has decayed 20 dB below its loudest 10 ms (streams.py's hits).
3. The reference: Parrot.py's model from ../shared/anchor/parrotpy_pipeline.py on the same folders (streams.py's
   reference_probabilities), its probabilities for every window of the stream.
4. HeldStreamBenchmark (Java): trains ours with SoundModelTrainer (defaults, kinds inferred), plays the stream
   through model.newDetector(SoundListener.all(...)), scores it, and replays Parrot.py's rule (every window from
   -45 dBFS, one report per sound per 100 ms, threshold swept) over both models' probabilities.

Everything goes to PARROT_HELD (/tmp/parrot-held/seed-N). Needs the speech built (PARROT_SPEECH), JDK 17, Maven,
Debian's python3-numpy/scipy/sklearn.
"""
import argparse
import glob
import json
import os
import random
import shutil
import subprocess

import numpy as np

import generate_scale as gen
import streams
from streams import RATE, log

WORK = os.environ.get('PARROT_HELD', '/tmp/parrot-held')
HELD = {'hiss': gen.hiss, 'shush': gen.shush, 'whistle': gen.whistle, 'hum': gen.hum}
SHORT = {'click': gen.click, 'pop': gen.pop}
HELD_SECONDS = (0.8, 2.5)
PAD_SECONDS = 0.25
# The stream's takes are drawn from another seed than the training takes: other takes of the same sounds.
STREAM_SEED_OFFSET = 1000


def take(sound, rng):
    """One take at a random loudness (peak -30 to -6 dBFS), and the seconds it lasts as the truth marks it."""
    if sound in HELD:
        x = HELD[sound](rng, rng.uniform(*HELD_SECONDS))
    else:
        x = SHORT[sound](rng)
    x = (x * 10 ** (rng.uniform(-30, -6) / 20) / (np.max(np.abs(x)) or 1.0)).astype(np.float32)
    return x, (len(x) / RATE if sound in HELD else streams.decay_end(x))


def training_folders(train, rng, pyrng, takes):
    for sound in list(HELD) + list(SHORT):
        folder = os.path.join(train, sound)
        os.makedirs(folder)
        for i in range(takes):
            x, _ = take(sound, rng)
            pad = int(PAD_SECONDS * RATE)
            y = np.concatenate([np.zeros(pad, np.float32), x, np.zeros(pad, np.float32)])
            streams.write(os.path.join(folder, '%s_%02d.wav' % (sound, i + 1)), y + streams.room(pyrng, len(y)))
    streams.background_folder(os.path.join(train, streams.BACKGROUND), pyrng)


def stream(rng, pyrng, minutes):
    """Speech (3-8 s) and room (4-9 s) stretches; takes in the room stretches, 0.4-1.2 s apart, each kept whole."""
    speech = sorted(glob.glob(os.path.join(streams.SPEECH, streams.STREAM_LANGUAGE, '*.wav')))
    total = int(minutes * 60 * RATE)
    x = np.zeros(total, dtype=np.float32)
    sounds = list(HELD) + list(SHORT)
    segments, t = [], int(pyrng.uniform(0.5, 2) * RATE)
    while t < total:
        s = streams.speech_stretch(speech, pyrng, pyrng.uniform(3, 8))[:max(0, total - t)]
        x[t:t + len(s)] += s
        t += len(s) + int(pyrng.uniform(0.2, 0.6) * RATE)
        end = t + int(pyrng.uniform(4, 9) * RATE)
        while t < end - RATE // 2:
            sound = pyrng.choice(sounds)
            h, seconds = take(sound, rng)
            if t + len(h) > total:
                break
            x[t:t + len(h)] += h
            segments.append((t / RATE, t / RATE + seconds, sound))
            t += len(h) + int(pyrng.uniform(0.4, 1.2) * RATE)
        t = max(t, end)
    return x + streams.room(pyrng, total), segments


def make_case(seed, minutes, takes):
    case = os.path.join(WORK, 'seed-%d' % seed)
    shutil.rmtree(case, ignore_errors=True)
    pyrng = random.Random(seed)
    training_folders(os.path.join(case, 'train'), np.random.default_rng(seed), pyrng, takes)
    x, segments = stream(np.random.default_rng(seed + STREAM_SEED_OFFSET), pyrng, minutes)
    streams.write(os.path.join(case, 'stream.wav'), x)
    streams.write_srt(os.path.join(case, 'stream.srt'), segments)
    held = sum(1 for s in segments if s[2] in HELD)
    log('  seed %d: %d held and %d short takes in %.1f min' % (seed, held, len(segments) - held, len(x) / RATE / 60))
    return case


def build_jar():
    log('building parrot-core and the benchmarks ...')
    subprocess.run(['mvn', '-B', '-ntp', '-o', '-q', '-Pbenchmarks', 'package', '-pl', 'benchmarks', '-am',
                    '-DskipTests', '-Djazzer.skipFuzz=true', '-Dinvoker.skip=true'], cwd=streams.ROOT, check=True)
    return os.path.join(streams.ROOT, 'benchmarks', 'target', 'benchmarks.jar')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--minutes', type=float, default=5, help='length of the stream')
    parser.add_argument('--takes', type=int, default=20, help='training takes per sound')
    parser.add_argument('--skip-build', action='store_true', help='use benchmarks/target/benchmarks.jar as it is')
    parser.add_argument('--jar', help='run this benchmarks jar (a copy kept aside), nothing built')
    parser.add_argument('--reuse-streams', action='store_true',
                        help='keep the stream and reference probabilities of an earlier run with the same seed')
    parser.add_argument('--keep-margins', default='',
                        help='also replay our thresholds with held keep confidences this far below them, e.g. 0.1,0.2')
    args = parser.parse_args()
    load = os.getloadavg()
    case = os.path.join(WORK, 'seed-%d' % args.seed)
    if not (args.reuse_streams and os.path.exists(os.path.join(case, 'reference-probabilities.csv'))):
        if not os.path.exists(os.path.join(streams.SPEECH, 'manifest.csv')):
            subprocess.run(['bash', os.path.join(streams.SHARED, 'datasets', 'build-speech.sh'), streams.SPEECH],
                           check=True)
        log('stream (seed %d) ...' % args.seed)
        case = make_case(args.seed, args.minutes, args.takes)
        log('the reference ...')
        streams.reference_probabilities(case)
    jar = args.jar or (os.path.join(streams.ROOT, 'benchmarks', 'target', 'benchmarks.jar') if args.skip_build
                       else build_jar())
    log('ours ...')
    out = subprocess.run(['java', '-Xmx1g', '-cp', jar, 'dev.parrot.benchmarks.HeldStreamBenchmark',
                          '--seed', str(args.seed)] + (['--keep-margins', args.keep_margins] if args.keep_margins
                                                       else []) + [case], check=True, text=True, stdout=subprocess.PIPE)
    print(out.stdout.split('\nJSON ')[0])
    results = json.loads(out.stdout.split('\nJSON ')[1])
    results.update({'seed': args.seed, 'cpus': os.cpu_count(), 'load_at_start': [round(v, 2) for v in load],
                    'load_at_end': [round(v, 2) for v in os.getloadavg()]})
    path = os.path.join(WORK, 'results-seed%d.json' % args.seed)
    with open(path, 'w') as f:
        json.dump(results, f, indent=2)
    print('load average at start %s, at end %s (%d CPUs); all figures: %s'
          % (results['load_at_start'], results['load_at_end'], results['cpus'], path))


if __name__ == '__main__':
    main()
