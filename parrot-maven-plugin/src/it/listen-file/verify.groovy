String log = new File(basedir, 'build.log').text
String listen = log.substring(log.indexOf('parrot-maven-plugin:0.1.0-SNAPSHOT:listen'))

// Every event listen printed, in the order heard, is one classify wrote for the same file: the same sound and phase,
// within a hop (15 ms) of its time, at its level. (Classify reads the file through TarsosDSP's float-array dispatcher,
// which rounds the samples to 16 bits once more; a held sound's smoothed start can move a window with that, and the
// 10-tree forest's confidence a vote, so the confidence is only checked to be a probability.)
def printed = (listen =~ /(?m)^\[INFO\] +(\d+\.\d{3}) s  (\S+) +([01]\.\d{4}) +(-?\d+\.\d|-) dBFS  (\w+)$/).collect {
    [it[1], it[2], it[5], it[4]]
}
List<String> csv = new File(basedir, 'target/parrot/events/session.csv').readLines()
assert csv[0] == 'time_seconds,sound,confidence,level_dbfs,event'
def written = csv.drop(1).collect { def f = it.split(',', -1); [f[0], f[1], f[4], f[3] ?: '-'] }
assert printed.size() > 0
assert printed.collect { it[1..2] } == written.collect { it[1..2] } : "listen:\n${printed.join('\n')}\nclassify:\n${written.join('\n')}"
printed.eachWithIndex { p, i ->
    def w = written[i]
    assert Math.abs((p[0] as double) - (w[0] as double)) <= 0.0151 : "$p vs $w"
    // The level of a sound's start; a stop's, in near-silence, is mostly the rounding.
    if (p[0] == w[0] && p[2] in ['once', 'start']) {
        assert Math.abs((p[3] as double) - (w[3] as double)) <= 0.1 : "$p vs $w"
    }
}

// The summary: events per sound, and the truth beside the input found and scored.
def (lows, highs) = new File(basedir, 'onsets.txt').text.split(' ').collect { it as int }
def begins = printed.findAll { it[2] == 'once' || it[2] == 'start' }
int printedLows = begins.count { it[1] == 'low' }
int printedHighs = begins.count { it[1] == 'high' }
assert listen.contains("Heard ${begins.size()} sounds in 24.0 s: high $printedHighs, low $printedLows")
assert listen =~ /Against \S+live\/session\.MANUAL\.srt: recall of onsets \d\.\d{3} \(\d+ of ${lows + highs}\), \d+\.\d{2} false alarms per minute/
def recall = (listen =~ /recall of onsets (\d\.\d{3})/)[0][1] as double
assert recall >= 0.8 : "recall $recall"
assert !log.contains('\tat ')
true
