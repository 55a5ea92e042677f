#!/usr/bin/python3
"""Live detection on streams: drum hits between stretches of real speech and quiet room, ours against the reference.

  benchmarks/streams.py [--seed 1] [--minutes 2.5] [--cases heldout,everyday] [--augmentation 0] [--skip-build]

1. Streams (built here, seeded): drum hits (build-drums.sh: four independent sources, sonicpi, lmms, gmrock, tr808) at
   random loudness (peak -30 to -6 dBFS) in stretches of quiet room between stretches of real speech (build-speech.sh:
   the Italian speaker), over a low room noise (generated: brown-ish noise at about -62 dBFS RMS, there being no real
   room recording among the data sets). The truth is an SRT beside each stream: a segment per hit, from its first
   sample to where it has decayed 20 dB below its loudest 10 ms.
   Training folders: the drum sounds plus a background folder `speech` of OTHER speech (the Spanish speaker, about two
   minutes). Two setups:
     heldout  - leave one source out: train on three sources' kits, the stream holds hits of the fourth (4 streams);
     everyday - the same kits: a third of each sound's recordings are held out of training and make the stream.
2. The reference: Parrot.py's model (../shared/anchor/parrotpy_pipeline.py, its features and random forest, run from
   that file) trained on the same folders; it writes its probabilities for every window of the stream.
3. StreamBenchmark (Java): trains ours with SoundModelTrainer, classifies every window of each stream, replays the
   detector's decisions (EventDecider) over both models' probabilities and scores them (dev.parrot.evaluation.events):
   recall of onsets at no more than 1 false alarm per minute of background (one threshold swept for all streams of a
   setup), recall / false alarms / delay with the detector's defaults, Parrot.py's error kinds.

Everything goes to PARROT_STREAMS (/tmp/parrot-streams). Needs the drums and speech built (PARROT_DRUMS,
PARROT_SPEECH; built with the scripts in ../shared/datasets when missing), JDK 17, Maven, Debian's python3-sklearn.
"""
import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import wave

import numpy as np
from scipy.signal import lfilter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('PARROT_SHARED', os.path.join(os.path.dirname(ROOT), 'shared'))
REFERENCE = os.path.join(SHARED, 'anchor', 'parrotpy_pipeline.py')
DRUMS = os.environ.get('PARROT_DRUMS', '/tmp/parrot-drums')
SPEECH = os.environ.get('PARROT_SPEECH', '/tmp/parrot-speech')
WORK = os.environ.get('PARROT_STREAMS', '/tmp/parrot-streams')
SOURCES = ('sonicpi', 'lmms', 'gmrock', 'tr808')
RATE = 16000
BACKGROUND = 'speech'
TRAIN_LANGUAGE, STREAM_LANGUAGE = 'es', 'it'
BACKGROUND_SECONDS = 120


def log(message):
    print(message, file=sys.stderr, flush=True)


def read(path):
    with wave.open(path) as w:
        assert w.getframerate() == RATE and w.getnchannels() == 1 and w.getsampwidth() == 2, path
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float32) / 32768.0


def write(path, x):
    with wave.open(path, 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((np.clip(x, -1, 32767 / 32768) * 32768).astype(np.int16).tobytes())


def srt_time(seconds):
    ms = int(round(seconds * 1000))
    return '%02d:%02d:%02d,%03d' % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)


def write_srt(path, segments):
    with open(path, 'w') as f:
        for i, (start, end, label) in enumerate(segments, 1):
            f.write('%d\n%s --> %s\n%s\n\n' % (i, srt_time(start), srt_time(end), label))


# ---------------------------------------------------------------- data

def drum_files():
    """{sound: {source: [paths]}} of the drum set."""
    if not os.path.exists(os.path.join(DRUMS, 'manifest.csv')):
        subprocess.run(['bash', os.path.join(SHARED, 'datasets', 'build-drums.sh'), DRUMS], check=True)
    if not os.path.exists(os.path.join(SPEECH, 'manifest.csv')):
        subprocess.run(['bash', os.path.join(SHARED, 'datasets', 'build-speech.sh'), SPEECH], check=True)
    files = {}
    for path in sorted(glob.glob(os.path.join(DRUMS, '*', '*.wav'))):
        sound, source = os.path.basename(os.path.dirname(path)), os.path.basename(path).split('__')[0]
        files.setdefault(sound, {}).setdefault(source, []).append(path)
    return files


def hit(path, rng):
    """A one-shot from its first audible sample, at most 1 s, at a random loudness; and where its attack has died."""
    x = read(path)
    peak = np.max(np.abs(x))
    start = int(np.argmax(np.abs(x) >= 0.02 * peak))
    x = x[start:start + RATE].copy()
    fade = min(len(x), RATE // 50)
    x[-fade:] *= np.linspace(1, 0, fade, dtype=np.float32)
    x *= 10 ** (rng.uniform(-30, -6) / 20) / peak
    return x, decay_end(x)


def decay_end(x):
    """Seconds from the start of a one-shot to where it has decayed 20 dB below its loudest 10 ms (at least 50 ms)."""
    frames = max(1, len(x) // 160)
    env = 10 * np.log10(np.array([np.mean(x[i * 160:(i + 1) * 160] ** 2) for i in range(frames)]) + 1e-12)
    loud = int(np.argmax(env))
    below = np.nonzero(env[loud:] < env[loud] - 20)[0]
    end = (loud + below[0]) * 160 if len(below) else len(x)
    return max(end, 800) / RATE


def speech_stretch(files, rng, seconds):
    """Whole utterances of one speaker, up to about `seconds`, each at a random level (-30 to -20 dBFS RMS)."""
    parts, total = [], 0
    while total < seconds * RATE:
        x = read(rng.choice(files))
        rms = np.sqrt(np.mean(x ** 2)) + 1e-9
        parts.append(x * (10 ** (rng.uniform(-30, -20) / 20) / rms))
        total += len(parts[-1])
    return np.concatenate(parts)


def room(rng, samples):
    """Quiet room noise: integrated white noise, leaky, at about -62 dBFS RMS."""
    white = np.random.default_rng(rng.randrange(2 ** 32)).standard_normal(samples)
    out = lfilter([1.0], [1.0, -0.97], white).astype(np.float32)
    out -= out.mean()
    return out * (10 ** (-62 / 20) / (np.sqrt(np.mean(out ** 2)) + 1e-9))


def stream(hit_files, speech_files, rng, minutes):
    """Alternating speech (3-8 s) and room (4-9 s) stretches; hits in the room stretches, 0.4-1.2 s apart."""
    total = int(minutes * 60 * RATE)
    x = np.zeros(total + 2 * RATE, dtype=np.float32)
    segments, t = [], int(rng.uniform(0.5, 2) * RATE)
    sounds = sorted(hit_files)
    while t < total:
        s = speech_stretch(speech_files, rng, rng.uniform(3, 8))
        s = s[:max(0, total - t)]
        x[t:t + len(s)] += s
        t += len(s) + int(rng.uniform(0.2, 0.6) * RATE)
        end = min(total, t + int(rng.uniform(4, 9) * RATE))
        while t < end - RATE // 2:
            sound = rng.choice(sounds)
            h, length = hit(rng.choice(hit_files[sound]), rng)
            h = h[:end - t]
            x[t:t + len(h)] += h
            segments.append((t / RATE, t / RATE + min(length, len(h) / RATE), sound))
            t += len(h) + int(rng.uniform(0.4, 1.2) * RATE)
        t = max(t, end)
    x = x[:total]
    x += room(rng, total)
    return x, [s for s in segments if s[1] <= total / RATE]


def link(files, folder):
    os.makedirs(folder, exist_ok=True)
    for f in files:
        os.symlink(f, os.path.join(folder, os.path.basename(f)))


def background_folder(folder, rng):
    files = sorted(glob.glob(os.path.join(SPEECH, TRAIN_LANGUAGE, '*.wav')))
    rng.shuffle(files)
    chosen, seconds = [], 0
    for f in files:
        if seconds >= BACKGROUND_SECONDS:
            break
        chosen.append(f)
        with wave.open(f) as w:
            seconds += w.getnframes() / RATE
    link(chosen, folder)


def make_case(name, train, test, rng, minutes):
    """A case folder: train/<sound>/ (symlinks) + train/speech/, stream.wav, stream.srt."""
    case = os.path.join(WORK, name)
    shutil.rmtree(case, ignore_errors=True)
    for sound, files in train.items():
        link(files, os.path.join(case, 'train', sound))
    background_folder(os.path.join(case, 'train', BACKGROUND), rng)
    speech = sorted(glob.glob(os.path.join(SPEECH, STREAM_LANGUAGE, '*.wav')))
    x, segments = stream(test, speech, rng, minutes)
    write(os.path.join(case, 'stream.wav'), x)
    write_srt(os.path.join(case, 'stream.srt'), segments)
    log('  %s: %d sounds, %d hits in %.1f min' % (name, len(test), len(segments), len(x) / RATE / 60))
    return case


def build_cases(setups, seed, minutes):
    files = drum_files()
    rng = random.Random(seed)
    cases = {}
    if 'heldout' in setups:
        for held in SOURCES:
            test = {s: by[held] for s, by in files.items() if held in by and any(o != held for o in by)}
            train = {s: [f for o, fs in files[s].items() if o != held for f in fs] for s in test}
            cases.setdefault('heldout', []).append(make_case('heldout-' + held, train, test, rng, minutes))
    if 'everyday' in setups:
        train, test = {}, {}
        for sound, by in files.items():
            all_files = sorted(f for fs in by.values() for f in fs)
            if len(all_files) < 2:
                continue
            rng.shuffle(all_files)
            n = max(1, len(all_files) // 3)
            test[sound], train[sound] = all_files[:n], all_files[n:]
        cases['everyday'] = [make_case('everyday', train, test, rng, minutes)]
    return cases


# ---------------------------------------------------------------- the reference

def reference_probabilities(case):
    """Parrot.py's model from the anchor file, trained on the case's folder; probabilities of every stream window."""
    with open(REFERENCE) as f:
        source = f.read()
    anchor = {'__name__': 'parrotpy_anchor'}
    # The anchor is a script: its definitions run, its main part (from the first timing on) does not.
    exec(compile(source[:source.index('t0 = time.time()')], REFERENCE, 'exec'), anchor)
    train = anchor['load'](os.path.join(case, 'train'))
    X = np.array([w for _, ws in train for w in ws])
    y = np.array([c for c, ws in train for _ in ws])
    clf = anchor['RandomForestClassifier'](n_estimators=100, max_depth=20, random_state=123).fit(X, y)
    x = read(os.path.join(case, 'stream.wav'))
    win, hop = anchor['WIN'], anchor['HOP']
    starts = range(0, len(x) - win + 1, hop)
    p = clf.predict_proba(np.array([anchor['mfsc'](x[s:s + win]) for s in starts]))
    with open(os.path.join(case, 'reference-probabilities.csv'), 'w') as f:
        f.write(','.join(['start'] + list(clf.classes_)) + '\n')
        for s, row in zip(starts, p):
            f.write('%d,%s\n' % (s, ','.join('%.4f' % v for v in row)))


# ---------------------------------------------------------------- ours

def build_jar():
    log('building parrot-core and the benchmarks ...')
    subprocess.run(['mvn', '-B', '-ntp', '-q', '-Pbenchmarks', 'package', '-pl', 'benchmarks', '-am',
                    '-DskipTests', '-Dinvoker.skip=true'], cwd=ROOT, check=True)
    return os.path.join(ROOT, 'benchmarks', 'target', 'benchmarks.jar')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--minutes', type=float, default=2.5, help='length of each stream')
    parser.add_argument('--cases', default='heldout,everyday')
    parser.add_argument('--skip-build', action='store_true', help='use benchmarks/target/benchmarks.jar as it is')
    parser.add_argument('--jar', help='run this benchmarks jar (a copy kept aside), nothing built')
    parser.add_argument('--augmentation', default='0',
                        help="our model trained with this many varied copies of each recording (train's"
                             " augmentationCopies); N+context: each copy mixed into the background recordings")
    parser.add_argument('--options', default='',
                        help="Weka options over our learner's defaults (train's classifierOptions), e.g. '-K 3'")
    parser.add_argument('--reuse-streams', action='store_true',
                        help='keep the streams and reference probabilities of an earlier run with the same seed')
    args = parser.parse_args()
    setups = args.cases.split(',')
    load = os.getloadavg()
    log('streams (seed %d) ...' % args.seed)
    if args.reuse_streams:
        cases = {'heldout': [os.path.join(WORK, 'heldout-' + s) for s in SOURCES],
                 'everyday': [os.path.join(WORK, 'everyday')]}
    else:
        cases = build_cases(setups, args.seed, args.minutes)
        for setup in setups:
            for case in cases[setup]:
                log('the reference on %s ...' % os.path.basename(case))
                reference_probabilities(case)
    jar = args.jar or (os.path.join(ROOT, 'benchmarks', 'target', 'benchmarks.jar') if args.skip_build
                       else build_jar())
    results = {'seed': args.seed, 'cpus': os.cpu_count(), 'load_at_start': [round(v, 2) for v in load]}
    for setup in setups:
        log('ours on the %s streams ...' % setup)
        out = subprocess.run(['java', '-Xmx1g', '-cp', jar, 'dev.parrot.benchmarks.StreamBenchmark',
                              '--seed', str(args.seed), '--name', setup, '--augmentation', args.augmentation,
                              '--options', args.options]
                             + cases[setup],
                             check=True, text=True, stdout=subprocess.PIPE)
        print(out.stdout.split('\nJSON ')[0])
        results[setup] = json.loads(out.stdout.split('\nJSON ')[1])
    results['load_at_end'] = [round(v, 2) for v in os.getloadavg()]
    with open(os.path.join(WORK, 'results-seed%d.json' % args.seed), 'w') as f:
        json.dump(results, f, indent=2)
    print('load average at start %s, at end %s (%d CPUs); all figures: %s'
          % (results['load_at_start'], results['load_at_end'], results['cpus'],
             os.path.join(WORK, 'results-seed%d.json' % args.seed)))


if __name__ == '__main__':
    main()
