String log = new File(basedir, 'build.log').text
String listen = log.substring(log.indexOf(':listen (default-cli)'))

// What listen printed is what classify wrote for the same file: every sound heard (a short sound's one report, a held
// sound's start) of the same sound within a hop (15 ms) of classify's and at its level, and every held sound's stop
// within two hops. (Classify reads the file through TarsosDSP's float-array dispatcher, which rounds the samples to 16
// bits once more: in a held sound's fading tail that can move the stop by a window and add or drop a continuation, and
// move the 10-tree forest's confidence by a vote; so continuations are not compared one by one, nor confidences.)
def printed = (listen =~ /(?m)^\[INFO\] +(\d+\.\d{3}) s  (\S+) +([01]\.\d{4}) +(-?\d+\.\d|-) dBFS  (\w+)$/).collect {
    [it[1] as double, it[2], it[5], it[4]]
}
List<String> csv = new File(basedir, 'target/parrot/events/session.csv').readLines()
assert csv[0] == 'time_seconds,sound,confidence,level_dbfs,event'
def written = csv.drop(1).collect { def f = it.split(',', -1); [f[0] as double, f[1], f[4], f[3] ?: '-'] }
assert printed.size() > 0
def begins = { List events -> events.findAll { it[2] == 'once' || it[2] == 'start' } }
def stops = { List events -> events.findAll { it[2] == 'stop' } }
def compare = { List ours, List theirs, double within, boolean level ->
    assert ours*.getAt(1) == theirs*.getAt(1) : "listen:\n${ours.join('\n')}\nclassify:\n${theirs.join('\n')}"
    ours.eachWithIndex { p, i ->
        def w = theirs[i]
        assert Math.abs(p[0] - w[0]) <= within : "$p vs $w"
        if (level && p[0] == w[0]) {
            assert Math.abs((p[3] as double) - (w[3] as double)) <= 0.1 : "$p vs $w"
        }
    }
}
compare(begins(printed), begins(written), 0.0151, true)
compare(stops(printed), stops(written), 0.0301, false)
assert printed.every { it[2] in ['once', 'start', 'continuing', 'stop'] }

// The summary: events per sound, and the truth beside the input found and scored.
def (lows, highs) = new File(basedir, 'onsets.txt').text.split(' ').collect { it as int }
def heard = begins(printed)
int printedLows = heard.count { it[1] == 'low' }
int printedHighs = heard.count { it[1] == 'high' }
assert listen.contains("Heard ${heard.size()} sounds in 24.0 s: high $printedHighs, low $printedLows")
assert listen =~ /Against \S+live\/session\.MANUAL\.srt: recall of onsets \d\.\d{3} \(\d+ of ${lows + highs}\), \d+\.\d{2} false alarms per minute/
def recall = (listen =~ /recall of onsets (\d\.\d{3})/)[0][1] as double
assert recall >= 0.8 : "recall $recall"
assert !log.contains('\tat ')
true
