#!/usr/bin/python3
"""Parrot against the Parrot.py reference pipeline, side by side, from one command.

  benchmarks/run.py [--quick] [--skip-scale] [--scale-minutes 1,2,5,10] [--reference-scale-minutes 1]
  benchmarks/run.py --loso-only [--quick] [--loso-seeds 3] [--loso-args "HARNESS OPTIONS"]

0. Leave one source out (also alone with --loso-only): the drums' four sources (sonicpi, lmms, gmrock, tr808), cut
   down to the sounds all four have; each source in turn is held out, the model trains on the other three and is
   tested on it. Ours: CrossSourceBenchmark --loso, one JVM for all folds, seeds 1..N (the trainer's own
   cross-validation at 2 folds: it does not change the final model, only costs time). The reference: one
   parrotpy_pipeline.py run per fold on the same folders. Decide on the mean over held-out sources. With
   --loso-only, then the training time of section 2 on the whole drum set, with and without augmentation.

1. Drums from two independent sources (build-drums.sh: Sonic Pi's and LMMS's one-shots), cut down to the sounds
   both sources have. Accuracy on recordings from the source the model never saw, both ways: ours end to end with
   `mvn parrot:train` on one source and `mvn parrot:classify` on the other (seed 42), and over 10 seeds with the
   CrossSourceBenchmark harness (the same SoundModelTrainer); the reference with parrotpy_pipeline.py. Same clip
   rule for all: argmax of the mean window probability over the clip's windows with sound.
2. Training time and memory on the drums: `mvn parrot:train` end to end (JVM and Maven start, decoding, features,
   balancing, cross-validation, final model, writing) against the reference's features + fit + 3-fold CV.
3. Scale: 10 generated sounds with 1, 2, 5 and 10 minutes of audio each, `mvn parrot:train` in 1 GB of heap.

Everything generated goes to /tmp (PARROT_BENCH_DIR, PARROT_DRUMS, PARROT_DRUMS_SPLIT, PARROT_SCALE_DIR); nothing is
written into the repository except target/. The reference and the drum builder are looked up in ../shared next to
the repository (PARROT_SHARED).
Needs: JDK 17, Maven, sox, npm and apt-get download (for the drums), Debian's python3-sklearn (for the reference).
Run it on a quiet machine: the figures are wall and CPU times.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import wave

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('PARROT_SHARED', os.path.join(os.path.dirname(ROOT), 'shared'))
REFERENCE = os.path.join(SHARED, 'anchor', 'parrotpy_pipeline.py')
BUILD_DRUMS = os.path.join(SHARED, 'datasets', 'build-drums.sh')
WORK = os.environ.get('PARROT_BENCH_DIR', '/tmp/parrot-bench')
DRUMS = os.environ.get('PARROT_DRUMS', '/tmp/parrot-drums')
SPLIT = os.environ.get('PARROT_DRUMS_SPLIT', '/tmp/parrot-drums-split')
SCALE = os.environ.get('PARROT_SCALE_DIR', '/tmp/parrot-scale')
SOURCES = ('sonicpi', 'lmms')
LOSO_SOURCES = ('sonicpi', 'lmms', 'gmrock', 'tr808')
LOSO_SPLIT = os.environ.get('PARROT_DRUMS_LOSO', '/tmp/parrot-drums-loso')
# Further per-fold measurements, each f(train_dir, test_dir) -> dict merged into the fold's row (e.g. the live recall
# of a stream benchmark); ours and the reference stay the clip accuracies below.
FOLD_MEASURES = []
PY = '/usr/bin/python3'


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, **kw)


def timed(cmd, cwd=None, env=None):
    """Runs a command under /usr/bin/time: (stdout, wall s, CPU s, max RSS MB)."""
    out = subprocess.run(['/usr/bin/time', '-f', 'TIME %e %U %S %M'] + cmd, cwd=cwd, env=env, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if out.returncode != 0:
        sys.exit('failed (%d): %s\n%s\n%s' % (out.returncode, ' '.join(cmd), out.stdout[-3000:], out.stderr[-3000:]))
    wall, user, system, rss = re.findall(r'TIME (\S+) (\S+) (\S+) (\d+)', out.stderr)[-1]
    return out.stdout, float(wall), float(user) + float(system), int(rss) / 1024


def peak_heap(gc_log):
    """Highest heap occupancy before and after a collection in a -Xlog:gc file, in MB."""
    before = after = 0
    with open(gc_log) as f:
        for line in f:
            m = re.search(r'(\d+)M->(\d+)M\(\d+M\)', line)
            if m:
                before, after = max(before, int(m.group(1))), max(after, int(m.group(2)))
    return before, after


# ---------------------------------------------------------------- data

def common_sounds(sources):
    """The drum sounds every one of the sources has (builds the drum set first if needed)."""
    # build-drums.sh returns at once when the set is built by its current version, and rebuilds an older one.
    log('the drum set (build-drums.sh) ...')
    run(['bash', BUILD_DRUMS, DRUMS], stdout=subprocess.DEVNULL)
    sounds = []
    for sound in sorted(os.listdir(DRUMS)):
        folder = os.path.join(DRUMS, sound)
        if not os.path.isdir(folder):
            continue
        files = os.listdir(folder)
        if all(any(f.startswith(s + '__') for f in files) for s in sources):
            sounds.append(sound)
    return sounds


def link_source(target, sounds, sources):
    """target/<sound>/ holding symlinks to the drum clips of the given sources."""
    for sound in sounds:
        os.makedirs(os.path.join(target, sound))
        for f in sorted(os.listdir(os.path.join(DRUMS, sound))):
            if f.split('__')[0] in sources:
                os.symlink(os.path.join(DRUMS, sound, f), os.path.join(target, sound, f))


def drums():
    sounds = common_sounds(SOURCES)
    shutil.rmtree(SPLIT, ignore_errors=True)
    for source in SOURCES:
        link_source(os.path.join(SPLIT, source), sounds, (source,))
    return sounds


def loso_split():
    """LOSO_SPLIT/<source>/ (the test set of the fold that holds it out) and LOSO_SPLIT/without-<source>/ (its
    training set), on the sounds all sources have."""
    sounds = common_sounds(LOSO_SOURCES)
    shutil.rmtree(LOSO_SPLIT, ignore_errors=True)
    for source in LOSO_SOURCES:
        link_source(os.path.join(LOSO_SPLIT, source), sounds, (source,))
        link_source(os.path.join(LOSO_SPLIT, 'without-' + source), sounds,
                    tuple(s for s in LOSO_SOURCES if s != source))
    return sounds


def probe_set(source_dir, out):
    """One 0.1 s clip per sound, so that the reference's feature time is (almost only) the training set's."""
    shutil.rmtree(out, ignore_errors=True)
    windows = 0
    for sound in sorted(os.listdir(source_dir)):
        first = sorted(os.listdir(os.path.join(source_dir, sound)))[0]
        with wave.open(os.path.join(source_dir, sound, first)) as w:
            params, frames = w.getparams(), w.readframes(1600)
        os.makedirs(os.path.join(out, sound))
        with wave.open(os.path.join(out, sound, 'probe.wav'), 'wb') as o:
            o.setparams(params)
            o.writeframes(frames)
        windows += (len(frames) // 2 - 480) // 240 + 1
    return out, windows


def scale_set(minutes):
    out = os.path.join(SCALE, '%gmin' % minutes)
    if not os.path.isdir(out):
        log('generating 10 sounds x %g min ...' % minutes)
        run([PY, os.path.join(ROOT, 'benchmarks', 'generate_scale.py'), out, str(minutes)], stdout=subprocess.DEVNULL)
    return out


# ---------------------------------------------------------------- builds

def settings_xml():
    """A private local repository that takes everything else from the user's: the plugin is installed there, never
    into ~/.m2."""
    path = os.path.join(WORK, 'settings.xml')
    with open(path, 'w') as f:
        f.write('<settings><localRepository>%s</localRepository><mirrors><mirror><id>user-local-repository</id>'
                '<mirrorOf>*</mirrorOf><url>file://%s</url></mirror></mirrors></settings>\n'
                % (os.path.join(WORK, 'repo'), os.path.expanduser('~/.m2/repository')))
    return path


def build(settings):
    log('building parrot-core, the plugin and the benchmarks ...')
    run(['mvn', '-q', '-s', settings, 'install', '-pl', '.,parrot-core,parrot-maven-plugin', '-DskipTests',
         '-Dinvoker.skip=true'], cwd=ROOT)
    # Against the parrot-core just installed into the private repository.
    run(['mvn', '-q', '-s', settings, '-Pbenchmarks', 'package', '-pl', 'benchmarks', '-DskipTests'], cwd=ROOT)
    return os.path.join(ROOT, 'benchmarks', 'target', 'benchmarks.jar')


def version():
    with open(os.path.join(ROOT, 'pom.xml')) as f:
        return re.search(r'<artifactId>parrot-parent</artifactId>\s*<version>([^<]+)</version>', f.read()).group(1)


# ---------------------------------------------------------------- runs

def ours_cross_source(jar, train, test, seeds):
    out, wall, cpu, rss = timed(['java', '-Xmx1g', '-cp', jar, 'dev.parrot.benchmarks.CrossSourceBenchmark',
                                 train, test, '--quiet', '--seeds', str(seeds)])
    return json.loads(out.strip().splitlines()[-1])


def ours_loso(jar, seeds, extra_args=()):
    """All leave-one-source-out folds in one JVM: the harness's JSON (folds, mean) plus its wall and CPU time."""
    out, wall, cpu, rss = timed(['java', '-Xmx1g', '-cp', jar, 'dev.parrot.benchmarks.CrossSourceBenchmark',
                                 '--loso', LOSO_SPLIT, '--sources', ','.join(LOSO_SOURCES), '--quiet',
                                 '--seeds', str(seeds), '--folds', '2'] + list(extra_args))
    result = json.loads(out.strip().splitlines()[-1])
    result.update(wall_s=wall, cpu_s=cpu)
    return result


def loso(jar, seeds, extra_args=()):
    """Leave one source out, ours and the reference on the same folders, with the load around each."""
    sounds = loso_split()
    log('leave one source out: %d sounds all four sources have: %s' % (len(sounds), ', '.join(sounds)))
    load_before = os.getloadavg()[0]
    ours = ours_loso(jar, seeds, extra_args)
    load_ours = os.getloadavg()[0]
    rows = []
    for fold in ours['folds']:
        source = fold['held_out']
        train, test = os.path.join(LOSO_SPLIT, 'without-' + source), os.path.join(LOSO_SPLIT, source)
        log('leave one source out: the reference without %s ...' % source)
        ref = reference(train, test)
        row = dict(held_out=source, clips=fold['test_clips'], ours=fold['clip_accuracy'],
                   ours_min=fold['clip_accuracy_min'], ours_max=fold['clip_accuracy_max'],
                   reference=ref['clip_accuracy'], ours_confusion=fold['confusion'])
        for measure in FOLD_MEASURES:
            row.update(measure(train, test))
        rows.append(row)
    return dict(sounds=sounds, folds=rows, seeds=ours['seeds'], ours_mean=statistics.mean(r['ours'] for r in rows),
                reference_mean=statistics.mean(r['reference'] for r in rows), classifier=ours['classifier'],
                harness_args=list(extra_args), ours_wall_s=ours['wall_s'], ours_cpu_s=ours['cpu_s'],
                load=[round(load_before, 2), round(load_ours, 2), round(os.getloadavg()[0], 2)])


def report_loso(l):
    print('\nLeave one source out: train on three drum sources, test on the fourth (%d sounds: %s)'
          % (len(l['sounds']), ', '.join(l['sounds'])))
    print('  %-10s %5s  %-27s %9s' % ('held out', 'clips', 'ours (mean [min-max] of seeds)', 'reference'))
    for f in l['folds']:
        print('  %-10s %5d  %.3f [%.3f-%.3f] (%d seeds)   %9.3f' % (f['held_out'], f['clips'], f['ours'], f['ours_min'],
                                                                 f['ours_max'], l['seeds'], f['reference']))
    print('  %-10s %5s  %.3f %26s %.3f' % ('mean', '', l['ours_mean'], '', l['reference_mean']))
    print('  ours: %s%s; all folds and seeds in one JVM: %.1f s wall, %.1f s CPU; load %s (before, after ours, at end)'
          % (l['classifier'], (' ' + ' '.join(l['harness_args'])) if l['harness_args'] else '', l['ours_wall_s'],
             l['ours_cpu_s'], ', '.join('%.2f' % x for x in l['load'])))


def reference(train, test):
    out, wall, cpu, rss = timed([PY, REFERENCE, train, test])
    result = json.loads(out.strip().splitlines()[-1])
    result.update(wall_s=wall, cpu_s=cpu, rss_mb=rss)
    return result


def project_dir():
    project = os.path.join(WORK, 'project')
    os.makedirs(project, exist_ok=True)
    with open(os.path.join(project, 'pom.xml'), 'w') as f:
        f.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
                '<groupId>dev.parrot.bench</groupId><artifactId>bench</artifactId><version>1</version>'
                '<packaging>pom</packaging></project>\n')
    return project


def goal(settings, name, *properties, heap='1g'):
    """`mvn parrot:<name>` in a scratch project, with a GC log: (wall s, CPU s, RSS MB, heap peak MB, heap live MB)."""
    gc_log = os.path.join(WORK, 'gc.log')
    env = dict(os.environ, MAVEN_OPTS='-Xmx%s -Xlog:gc:file=%s' % (heap, gc_log))
    _, wall, cpu, rss = timed(['mvn', '-o', '-s', settings, 'dev.parrot:parrot-maven-plugin:%s:%s' % (version(), name)]
                              + ['-D' + p for p in properties], cwd=project_dir(), env=env)
    before, after = peak_heap(gc_log)
    return wall, cpu, rss, before, after


def ours_train(settings, recordings, name, heap='1g', extra=()):
    """`mvn parrot:train` end to end: times, heap peaks and what the descriptor says."""
    wall, cpu, rss, before, after = goal(settings, 'train', 'parrot.recordings=' + recordings,
                                         'parrot.modelName=' + name, *extra, heap=heap)
    models = os.path.join(project_dir(), 'target', 'models')
    with open(os.path.join(models, name + '.json')) as f:
        descriptor = json.load(f)
    return dict(wall_s=wall, cpu_s=cpu, rss_mb=rss, heap_peak_mb=before, heap_live_mb=after,
                windows=descriptor['evaluation']['windows'], audio_s=descriptor['training']['audioSeconds'],
                cv_accuracy=descriptor['evaluation']['accuracy'],
                cv_clip_accuracy=descriptor['evaluation']['clipAccuracy'],
                model_mb=os.path.getsize(os.path.join(models, name + '.model')) / 2**20)


def ours_classify(settings, recordings, name):
    """`mvn parrot:classify` on a folder of sound folders: the accuracy it writes to <model>-unseen.json."""
    report = os.path.join(WORK, 'classify-' + name)
    wall, cpu, _, _, _ = goal(settings, 'classify', 'parrot.input=' + recordings, 'parrot.modelName=' + name,
                              'parrot.reportDirectory=' + report)
    with open(os.path.join(report, name + '-unseen.json')) as f:
        unseen = json.load(f)
    return dict(accuracy=unseen['accuracy'], recordings=unseen['recordings'], wall_s=wall, cpu_s=cpu,
                confusion=unseen['confusionMatrix'])


def maven_overhead(settings):
    """`mvn parrot:train -Dparrot.skip`: what Maven and loading the plugin cost before any work."""
    _, wall, cpu, _ = timed(['mvn', '-o', '-q', '-s', settings, 'dev.parrot:parrot-maven-plugin:%s:train' % version(),
                             '-Dparrot.skip=true'], cwd=project_dir())
    return wall, cpu


def training_time(settings, train_dir, repeats, augmentation_copies=0):
    """`mvn parrot:train` end to end against the reference's features + fit + 3-fold CV on the same recordings, the
    median of `repeats` runs each; with augmentation_copies, also parrot:train with that many varied copies."""
    probe, probe_windows = probe_set(train_dir, os.path.join(WORK, 'probe-drums'))
    ref = median_of(repeats, lambda: reference(train_dir, probe))
    ours = median_of(repeats, lambda: ours_train(settings, train_dir, 'drums'))
    overhead_wall, overhead_cpu = maven_overhead(settings)
    ref_train_s = ref['features_s'] + ref['fit_s'] + ref['cv_s']
    timing = dict(ours=ours, reference=ref, reference_train_s=ref_train_s,
                  reference_windows_per_s=(ref['train_windows'] + probe_windows) / ref['features_s'],
                  maven_overhead_wall_s=overhead_wall, maven_overhead_cpu_s=overhead_cpu)
    if augmentation_copies:
        timing['ours_augmented'] = median_of(repeats, lambda: ours_train(
            settings, train_dir, 'drums', extra=('parrot.augmentationCopies=%d' % augmentation_copies,)))
        timing['augmentation_copies'] = augmentation_copies
    return timing


def report_training_time(d, what):
    o, ref = d['ours'], d['reference']
    print('\nTraining on %s (%d windows; median of runs):' % (what, ref['train_windows']))
    print('  ours, mvn parrot:train end to end: %.2f s wall, %.2f s CPU, heap peak %d MB (live %d MB), RSS %d MB'
          % (o['wall_s'], o['cpu_s'], o['heap_peak_mb'], o['heap_live_mb'], o['rss_mb']))
    print('    of which Maven start and plugin loading: %.2f s wall, %.2f s CPU'
          % (d['maven_overhead_wall_s'], d['maven_overhead_cpu_s']))
    print('  reference, features + fit + 3-fold CV: %.2f s (whole process %.2f s wall, %.2f s CPU, RSS %d MB)'
          % (d['reference_train_s'], ref['wall_s'], ref['cpu_s'], ref['rss_mb']))
    print('  speed-up, reference stages / our end to end: %s' % ratio(d['reference_train_s'], o['wall_s']))
    print('  speed-up, reference stages / our work after Maven start: %s'
          % ratio(d['reference_train_s'], o['wall_s'] - d['maven_overhead_wall_s']))
    if 'ours_augmented' in d:
        a = d['ours_augmented']
        print('  ours with %d augmented copies per recording: %.2f s wall, %.2f s CPU (+%.2f s wall), speed-up %s'
              % (d['augmentation_copies'], a['wall_s'], a['cpu_s'], a['wall_s'] - o['wall_s'],
                 ratio(d['reference_train_s'], a['wall_s'])))


def median_of(n, f):
    runs = [f() for _ in range(n)]
    return {k: statistics.median(r[k] for r in runs) if isinstance(runs[0][k], (int, float)) else runs[0][k]
            for k in runs[0]}


def ratio(a, b):
    return '%.2fx' % (a / b) if b else 'n/a'


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--quick', action='store_true', help='3 seeds, 1 timing run, scale at 1 and 2 minutes')
    parser.add_argument('--skip-scale', action='store_true')
    parser.add_argument('--scale-minutes', default='1,2,5,10')
    parser.add_argument('--reference-scale-minutes', default='1',
                        help='sizes the reference also trains on (it needs minutes per minute of audio)')
    parser.add_argument('--loso-only', action='store_true', help='only the leave-one-source-out benchmark')
    parser.add_argument('--loso-seeds', type=int, default=3, help='seeds per fold of ours in leave-one-source-out')
    parser.add_argument('--loso-args', default='', help='more CrossSourceBenchmark options for leave-one-source-out')
    args = parser.parse_args()
    seeds, repeats = (3, 1) if args.quick else (10, 3)
    scale_minutes = [1.0, 2.0] if args.quick else [float(m) for m in args.scale_minutes.split(',') if m]
    os.makedirs(WORK, exist_ok=True)
    load = os.getloadavg()
    results = {'machine': {'cpus': os.cpu_count(), 'load_at_start': [round(x, 2) for x in load]}}

    settings = settings_xml()
    jar = build(settings)
    results['loso'] = loso(jar, args.loso_seeds, args.loso_args.split())
    if args.loso_only:
        # The training-time ratio of the issue, on every clip of the drum set (all sources, all sounds), with the
        # cost of one augmented copy per recording.
        log('training time on the whole drum set ...')
        everything = os.path.join(WORK, 'drums-all')
        shutil.rmtree(everything, ignore_errors=True)
        link_source(everything, [d for d in sorted(os.listdir(DRUMS)) if os.path.isdir(os.path.join(DRUMS, d))],
                    LOSO_SOURCES)
        results['drums_all_training'] = training_time(settings, everything, repeats, augmentation_copies=1)
        results['machine']['load_at_end'] = [round(x, 2) for x in os.getloadavg()]
        with open(os.path.join(WORK, 'results-loso.json'), 'w') as f:
            json.dump(results, f, indent=2)
        report_loso(results['loso'])
        report_training_time(results['drums_all_training'], 'the whole drum set')
        print('\nAll figures: %s' % os.path.join(WORK, 'results-loso.json'))
        return
    sounds = drums()
    log('drums: %d sounds in both sources: %s' % (len(sounds), ', '.join(sounds)))

    # 1. Accuracy on the unseen source: parrot:train on one source, parrot:classify on the other (seed 42), and the
    # harness over several seeds; the reference on the same folders.
    accuracy = []
    for train, test in (SOURCES, SOURCES[::-1]):
        log('accuracy: train %s, test %s ...' % (train, test))
        name = 'drums-' + train
        trained = ours_train(settings, os.path.join(SPLIT, train), name)
        classified = ours_classify(settings, os.path.join(SPLIT, test), name)
        harness = ours_cross_source(jar, os.path.join(SPLIT, train), os.path.join(SPLIT, test), seeds)
        ref = reference(os.path.join(SPLIT, train), os.path.join(SPLIT, test))
        accuracy.append(dict(train=train, test=test, clips=classified['recordings'], ours=classified['accuracy'],
                             ours_seeds=harness['clip_accuracy'], ours_min=harness['clip_accuracy_min'],
                             ours_max=harness['clip_accuracy_max'], seeds=harness['seeds'],
                             reference=ref['clip_accuracy'], ours_grouped_cv=trained['cv_accuracy'],
                             ours_grouped_cv_clips=trained['cv_clip_accuracy'],
                             reference_window_cv=ref['window_cv_accuracy'],
                             ours_windows_per_s=harness['feature_windows_per_s'], ours_confusion=classified['confusion'],
                             classify_wall_s=classified['wall_s']))
    results['accuracy'] = accuracy

    # 2. Training time and memory on the drums (the first source).
    log('training time on the drums ...')
    results['drums_training'] = training_time(settings, os.path.join(SPLIT, SOURCES[0]), repeats)

    # 3. Scale.
    scale = []
    if not args.skip_scale:
        reference_minutes = [float(m) for m in args.reference_scale_minutes.split(',') if m]
        for minutes in scale_minutes:
            folder = scale_set(minutes)
            log('scale: 10 sounds x %g min, parrot:train in -Xmx1g ...' % minutes)
            row = dict(minutes=minutes, ours=ours_train(settings, folder, 'scale'))
            if minutes in reference_minutes:
                log('scale: the reference on 10 sounds x %g min ...' % minutes)
                probe, probe_windows = probe_set(folder, os.path.join(WORK, 'probe-scale'))
                r = reference(folder, probe)
                row['reference'] = r
                row['reference_train_s'] = r['features_s'] + r['fit_s'] + r['cv_s']
            scale.append(row)
    results['scale'] = scale
    results['machine']['load_at_end'] = [round(x, 2) for x in os.getloadavg()]

    with open(os.path.join(WORK, 'results.json'), 'w') as f:
        json.dump(results, f, indent=2)
    report(results)


def report(r):
    print('\nParrot vs the Parrot.py reference (%d CPUs, load %s at start, %s at end)'
          % (r['machine']['cpus'], r['machine']['load_at_start'][0], r['machine']['load_at_end'][0]))
    report_loso(r['loso'])
    print('\nClip accuracy on the source the model never saw (argmax of the mean window probability per clip):')
    print('  %-18s %5s  %-14s %-27s %9s  %6s' % ('train -> test', 'clips', 'ours (seed 42)', 'ours (mean [min-max] of seeds)',
                                                  'reference', 'ratio'))
    for a in r['accuracy']:
        print('  %-18s %5d  %14.3f  %.3f [%.3f-%.3f] (%2d seeds)   %9.3f  %6s' % (
            a['train'] + ' -> ' + a['test'], a['clips'], a['ours'], a['ours_seeds'], a['ours_min'], a['ours_max'],
            a['seeds'], a['reference'], ratio(a['ours_seeds'], a['reference'])))
    print('  (ours seed 42: mvn parrot:train, then mvn parrot:classify on the other source; seeds: the same trainer in'
          ' CrossSourceBenchmark)')
    print("  the models' own estimates on their training source: ours grouped by recording %s windows / %s clips,"
          " reference window-level CV %s" % (', '.join('%.3f' % a['ours_grouped_cv'] for a in r['accuracy']),
                                            ', '.join('%.3f' % a['ours_grouped_cv_clips'] for a in r['accuracy']),
                                            ', '.join('%.3f' % a['reference_window_cv'] for a in r['accuracy'])))
    d = r['drums_training']
    report_training_time(d, 'the drums')
    if 'drums_all_training' in r:
        report_training_time(r['drums_all_training'], 'the whole drum set')
    a0 = r['accuracy'][0]
    print('  feature extraction incl. decoding, one thread: ours %d windows/s, reference %d windows/s (%s)'
          % (a0['ours_windows_per_s'], d['reference_windows_per_s'],
             ratio(a0['ours_windows_per_s'], d['reference_windows_per_s'])))
    if r['scale']:
        print('\nScale: 10 generated sounds, mvn parrot:train with -Xmx1g:')
        print('  %7s %9s %9s %9s %11s %10s %9s %12s' % ('minutes', 'windows', 'wall s', 'CPU s', 'heap peak', 'heap live',
                                                       'model MB', 'reference s'))
        for s in r['scale']:
            o = s['ours']
            print('  %7g %9d %9.1f %9.1f %8d MB %7d MB %9.1f %12s' % (
                s['minutes'], o['windows'], o['wall_s'], o['cpu_s'], o['heap_peak_mb'], o['heap_live_mb'],
                o['model_mb'], '%.1f' % s['reference_train_s'] if 'reference_train_s' in s else '-'))
        first = r['scale'][0]['ours']
        for s in r['scale'][1:]:
            o = s['ours']
            print('  %.1fx the audio: %.2fx the wall time, %.2fx the CPU time'
                  % (o['windows'] / first['windows'], o['wall_s'] / first['wall_s'], o['cpu_s'] / first['cpu_s']))
    print('\nAll figures: %s' % os.path.join(WORK, 'results.json'))


if __name__ == '__main__':
    main()
