import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def builds = log.split(/Building train-live-gate-fails/)
assert builds.length == 3 : "expected two builds in build.log, found ${builds.length - 1}"
String failed = builds[1]
String checked = builds[2]

// The model as training wrote it: its live recalls are what the gate judged.
File json = new File(basedir, 'target/models/twins.json')
assert json.isFile() : 'training itself succeeded: the model is there for the report to show what went wrong'
def calibration = new JsonSlurper().parse(json).calibration
assert calibration != null : 'the model has no live calibration to judge'
def below = calibration.sounds.findAll { it.expectedRecall < 0.9 }
// Not vacuous: at least one sound is below the minimum, and the gate names exactly those.
assert !below.isEmpty() : "every live recall reaches 90%: ${calibration.sounds.collect { it.expectedRecall }}"

// 1. The train goal's gate (any version of the plugin), set by the property alone.
assert failed =~ /Failed to execute goal [^\n]*parrot-maven-plugin:[^:\s]+:train \(train\)/
assert failed.contains('Model twins does not pass its quality gate:')
calibration.sounds.each { s ->
    String line = String.format(Locale.ROOT, '%s: live recall %.1f%% is below the minimum live recall of 90.0%%',
            s.sound, s.expectedRecall * 100)
    assert failed.contains(line) == (s.expectedRecall < 0.9) : "${s.sound} at ${s.expectedRecall}"
}
assert failed =~ /live recall as calibrated in \S*target[\\\/]models[\\\/]twins\.json for at most 1 false alarm per minute (of background for all sounds together|per sound)/
// No background folder: the message says the figures are from noise, and what to record.
assert failed.contains('of quiet room: the model has no background label') ||
        failed.contains('measured on the recordings one by one') : 'what the calibration was measured on'
assert failed.contains('What to do: record more takes of ')
assert failed.contains("parrot:train's <falseAlarmsPerMinute> (-Dparrot.falseAlarmsPerMinute)")
assert failed.contains('-Dparrot.minimumLiveRecall)')
// Only the live minimum was set.
assert !failed.contains(': recall ') && !failed.contains('no live calibration')
assert !failed.substring(0, failed.indexOf('BUILD FAILURE')).contains('\tat ')

// 2. The same model passes a minimum of 0, naming its lowest live recall: the one step 1 failed on.
def lowest = calibration.sounds.min { it.expectedRecall }
assert checked.contains(String.format(Locale.ROOT, 'Model twins passes its quality gate: lowest live recall %.1f%%' +
        ' (%s, at 1 false alarm per minute) >= 0.0%%', lowest.expectedRecall * 100, lowest.sound)) : checked
assert checked.contains('BUILD SUCCESS')
return true
