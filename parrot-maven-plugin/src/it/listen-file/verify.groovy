String log = new File(basedir, 'build.log').text
String listen = log.substring(log.indexOf('parrot-maven-plugin:0.1.0-SNAPSHOT:listen'))

// Every event listen printed, in the order heard, is one classify wrote for the same file: same time, same sound,
// same level. (Classify reads the file through TarsosDSP's float-array dispatcher, which rounds the samples to 16 bits
// once more; the 10-tree forest's confidence can move a vote with that, so it is only checked to be a probability.)
def printed = (listen =~ /(?m)^\[INFO\] +(\d+\.\d{3}) s  (\S+) +([01]\.\d{4}) +(-?\d+\.\d) dBFS$/).collect {
    [it[1], it[2], it[4]]
}
List<String> csv = new File(basedir, 'target/parrot/events/session.csv').readLines()
assert csv[0] == 'time_seconds,sound,confidence,level_dbfs'
def written = csv.drop(1).collect { def f = it.split(','); [f[0], f[1], f[3]] }
assert printed.size() > 0
assert printed*.take(2) == written*.take(2) : "listen:\n${printed.join('\n')}\nclassify:\n${written.join('\n')}"
printed.eachWithIndex { p, i -> assert Math.abs((p[2] as double) - (written[i][2] as double)) <= 0.1 : "$p vs ${written[i]}" }

// The summary: events per sound, and the truth beside the input found and scored.
def (lows, highs) = new File(basedir, 'onsets.txt').text.split(' ').collect { it as int }
int printedLows = printed.count { it[1] == 'low' }
int printedHighs = printed.count { it[1] == 'high' }
assert listen.contains("Heard ${printed.size()} events in 24.0 s: high $printedHighs, low $printedLows")
assert listen =~ /Against \S+live\/session\.MANUAL\.srt: recall of onsets \d\.\d{3} \(\d+ of ${lows + highs}\), \d+\.\d{2} false alarms per minute/
def recall = (listen =~ /recall of onsets (\d\.\d{3})/)[0][1] as double
assert recall >= 0.8 : "recall $recall"
assert !log.contains('\tat ')
true
