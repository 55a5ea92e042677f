String log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/models/sounds.json').isFile()
// Each failure says what is missing and what to set, and nothing else: no stack trace, no file left behind.
assert log.contains('No microphone can record 16000 Hz 16-bit mono audio here')
assert log.contains('Record from a WAV file instead. In Maven: -Dparrot.input=')
assert log.contains("No microphone named 'USB': Java Sound finds no input device here")
assert log.contains('Nothing would end the session: there is no console to press Enter in. Say how long to take:'
        + ' -Dparrot.seconds=<seconds>')
// Maven's own report after BUILD FAILURE has the trace (the ITs run with -e); the goal's output before it has none.
List<String> runs = log.split(/Scanning for projects/).drop(1)
assert runs.size() == 4
runs.drop(1).each { run ->
    String before = run.substring(0, run.indexOf('BUILD FAILURE'))
    assert !(before =~ /(?m)^\s+at /) && !before.contains('Exception') : before
}
assert !new File(basedir, 'data/recordings').exists()
true
