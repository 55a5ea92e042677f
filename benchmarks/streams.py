#!/usr/bin/python3
"""Live detection on streams: drum hits between stretches of real speech and quiet room, ours against the reference.

  benchmarks/streams.py [--seed 1] [--minutes 2.5] [--cases heldout,everyday] [--augmentation 0] [--skip-build]
                        [--recorded-as takes|long|mixed]

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

--recorded-as says how our model's training sounds are recorded (the reference always learns the takes of `train/`):
  takes - as they are, one take per file (`train/`; the default);
  long  - as Parrot.py users record them (`train-long/`): each sound's takes, in a seeded random order, one after the
          other in long recordings `<sound>/<sound>-long-N.wav` (10 to about 60 s), each take from 5 ms before its
          first sample at 2% of its peak, at most 1.5 s, at its own level, 0.5-1.5 s of the room noise between
          them (the room under all of it, padded with room to 10 s); beside each the truth
          `<sound>-long-N.MANUAL.srt` (the name the trainer looks for): a segment per take, from its start to where
          it has decayed 20 dB below its loudest 10 ms, as in the streams' truth. The background speech stays linked;
  mixed - every other sound (the 1st, 3rd, ... in sorted order) as long recordings, the others as takes
          (`train-mixed/`).
  The folder is built from `train/` beside it, seeded by --seed, when missing or made with another seed (also with
  --reuse-streams); StreamBenchmark trains ours on it (--train), the silence our model learns between the segments
  muted as the speech is; the results go to results-seed<N>-<recorded-as>.json (results-seed<N>.json for takes).

Everything goes to PARROT_STREAMS (/tmp/parrot-streams). Needs the drums and speech built (PARROT_DRUMS,
PARROT_SPEECH; built with the scripts in ../shared/datasets when missing), JDK 17, Maven, Debian's python3-sklearn.
"""
import argparse
import glob
import json
import math
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
RECORDED_AS = ('takes', 'long', 'mixed')
LONG_MAX_SECONDS = 60
LONG_MIN_SECONDS = 10  # SoundFolders.LONG_RECORDING_SECONDS: shorter, the trainer reads a file as a take
TAKE_MAX_SECONDS = 1.5
TAKE_LEAD_SECONDS = 0.005
SRT_SUFFIX = '.MANUAL.srt'  # SrtLocator: <recording>.MANUAL.srt or <recording>.v<N>.srt, not <recording>.srt


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


def first_audible(x):
    """The first sample at 2% of the peak; and the peak."""
    peak = np.max(np.abs(x))
    return int(np.argmax(np.abs(x) >= 0.02 * peak)), peak


def cut(x, start, samples):
    """`samples` of x from `start` at most, the last 20 ms faded out."""
    x = x[start:start + samples].copy()
    fade = min(len(x), RATE // 50)
    x[-fade:] *= np.linspace(1, 0, fade, dtype=np.float32)
    return x


def hit(path, rng):
    """A one-shot from its first audible sample, at most 1 s, at a random loudness; and where its attack has died."""
    x = read(path)
    start, peak = first_audible(x)
    x = cut(x, start, RATE)
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


# ---------------------------------------------------------------- long recordings

def take(path):
    """A take as it goes into a long recording: from 5 ms before its first sample at 2% of its peak (silence in front
    where the file has less before it: most drum samples start at their attack), at most 1.5 s, at its own level;
    and where its attack has died (seconds from its start)."""
    x = read(path)
    lead = int(round(TAKE_LEAD_SECONDS * RATE))
    attack = first_audible(x)[0]
    x = cut(x, max(0, attack - lead), int(TAKE_MAX_SECONDS * RATE) - max(0, lead - attack))
    x = np.concatenate([np.zeros(max(0, lead - attack), dtype=np.float32), x])
    return x, min(decay_end(x), len(x) / RATE)


def long_recordings(sound, files, rng):
    """The takes of a sound in a random order, each after 0.5-1.5 s of room, as recordings of 10 to about 60 s with
    the room under them: [(samples, segments)]."""
    order = sorted(files)
    rng.shuffle(order)
    items = [(int(rng.uniform(0.5, 1.5) * RATE),) + take(f) for f in order]  # (room before, take, attack seconds)
    lengths = [gap + len(x) for gap, x, _ in items]
    total = sum(lengths) + RATE
    # Parts of about total/n (57 s at most): a take goes to the part its middle falls in, which keeps each part
    # within about 60 s.
    n = max(1, math.ceil(total / ((LONG_MAX_SECONDS - TAKE_MAX_SECONDS - 1.5) * RATE)))
    parts, at = [[] for _ in range(n)], 0
    for item, length in zip(items, lengths):
        parts[min(n - 1, int((at + length / 2) / total * n))].append(item)
        at += length
    recordings = []
    for part in parts:
        if not part:
            continue
        t, pieces, segments = 0, [], []
        for gap, x, attack in part:
            pieces.append(np.zeros(gap, dtype=np.float32))
            segments.append(((t + gap) / RATE, (t + gap) / RATE + attack, sound))
            pieces.append(x)
            t += gap + len(x)
        pieces.append(np.zeros(max(int(rng.uniform(0.5, 1.5) * RATE), LONG_MIN_SECONDS * RATE - t),
                               dtype=np.float32))
        x = np.concatenate(pieces)
        x += room(rng, len(x))
        recordings.append((x, segments))
    return recordings


def linked(folder):
    """What the WAV files of a folder of symlinks point at (the files themselves when they are no links)."""
    targets = []
    for path in sorted(glob.glob(os.path.join(folder, '*.wav'))):
        target = os.readlink(path) if os.path.islink(path) else os.path.abspath(path)
        targets.append(target if os.path.isabs(target) else os.path.join(folder, target))
    return targets


def training_folder(case, recorded_as, seed):
    """The folder ours trains on: `train/` for takes; otherwise `train-<recorded_as>/`, built from `train/` when
    missing or of another seed (the seed it was built with is kept in `train-<recorded_as>.seed` beside it)."""
    if recorded_as == 'takes':
        return os.path.join(case, 'train')
    folder = os.path.join(case, 'train-' + recorded_as)
    marker = folder + '.seed'
    if os.path.isdir(folder) and os.path.exists(marker):
        with open(marker) as f:
            if f.read().strip() == str(seed):
                return folder
    building = folder + '.tmp'
    for old in (folder, building):
        shutil.rmtree(old, ignore_errors=True)
    train = os.path.join(case, 'train')
    sounds = sorted(d for d in os.listdir(train) if d != BACKGROUND and os.path.isdir(os.path.join(train, d)))
    as_long = sounds if recorded_as == 'long' else sounds[::2]
    seconds = 0
    for sound in sounds:
        files = linked(os.path.join(train, sound))
        if sound not in as_long:
            link(files, os.path.join(building, sound))
            continue
        os.makedirs(os.path.join(building, sound))
        # Seeded by the case and the sound: a sound's recordings are the same in train-long and train-mixed.
        rng = random.Random('%d:%s:%s' % (seed, os.path.basename(case), sound))
        for n, (x, segments) in enumerate(long_recordings(sound, files, rng), 1):
            base = os.path.join(building, sound, '%s-long-%d' % (sound, n))
            write(base + '.wav', x)
            write_srt(base + SRT_SUFFIX, segments)
            seconds += len(x) / RATE
    link(linked(os.path.join(train, BACKGROUND)), os.path.join(building, BACKGROUND))
    os.rename(building, folder)
    with open(marker, 'w') as f:
        f.write('%d\n' % seed)
    log('  %s: %d of %d sounds as long recordings (%.1f min)%s'
        % (os.path.relpath(folder, os.path.dirname(case)), len(as_long), len(sounds), seconds / 60,
           ', the others as takes' if len(as_long) < len(sounds) else ''))
    return folder


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
    parser.add_argument('--recorded-as', choices=RECORDED_AS, default='takes',
                        help="how our model's training sounds are recorded: takes (train/), long (train-long/: long"
                             " recordings with SRTs) or mixed (train-mixed/: every other sound as long recordings);"
                             " the reference learns train/ always")
    args = parser.parse_args()
    setups = args.cases.split(',')
    load = os.getloadavg()
    log('streams (seed %d, ours trained on the sounds recorded as %s) ...' % (args.seed, args.recorded_as))
    if args.reuse_streams:
        cases = {'heldout': [os.path.join(WORK, 'heldout-' + s) for s in SOURCES],
                 'everyday': [os.path.join(WORK, 'everyday')]}
    else:
        cases = build_cases(setups, args.seed, args.minutes)
        for setup in setups:
            for case in cases[setup]:
                log('the reference on %s ...' % os.path.basename(case))
                reference_probabilities(case)
    for setup in setups:
        for case in cases[setup]:
            training_folder(case, args.recorded_as, args.seed)
    jar = args.jar or (os.path.join(ROOT, 'benchmarks', 'target', 'benchmarks.jar') if args.skip_build
                       else build_jar())
    results = {'seed': args.seed, 'recorded_as': args.recorded_as, 'cpus': os.cpu_count(),
               'load_at_start': [round(v, 2) for v in load]}
    for setup in setups:
        log('ours on the %s streams ...' % setup)
        out = subprocess.run(['java', '-Xmx1g', '-cp', jar, 'dev.parrot.benchmarks.StreamBenchmark',
                              '--seed', str(args.seed), '--name', setup, '--augmentation', args.augmentation,
                              '--options', args.options]
                             # Only when not the takes: a jar kept aside (--jar) may predate --train.
                             + ([] if args.recorded_as == 'takes' else ['--train', 'train-' + args.recorded_as])
                             + cases[setup],
                             check=True, text=True, stdout=subprocess.PIPE)
        print(out.stdout.split('\nJSON ')[0])
        results[setup] = json.loads(out.stdout.split('\nJSON ')[1])
    results['load_at_end'] = [round(v, 2) for v in os.getloadavg()]
    figures = os.path.join(WORK, 'results-seed%d%s.json'
                           % (args.seed, '' if args.recorded_as == 'takes' else '-' + args.recorded_as))
    with open(figures, 'w') as f:
        json.dump(results, f, indent=2)
    print('ours trained on the sounds recorded as %s; load average at start %s, at end %s (%d CPUs); all figures: %s'
          % (args.recorded_as, results['load_at_start'], results['load_at_end'], results['cpus'], figures))


if __name__ == '__main__':
    main()
