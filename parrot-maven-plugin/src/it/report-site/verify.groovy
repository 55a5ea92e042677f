def log = new File(basedir, 'build.log').text
def builds = log.split(/Building Parrot report IT/)
assert builds.length == 4 : "expected three builds in build.log, found ${builds.length - 1}"

// 1. Alone and before training: a clear word, no page, no failure.
assert builds[1].contains('No Parrot model in target/models') : 'the report did not say that there is no model'
assert builds[1].contains('run parrot:train first')
assert !builds[1].contains('Parrot report of')

// 2. The execution bound to verify wrote the page after train. (Step 3 writes the same file, so the log tells.)
def verifyBuild = builds[2]
assert verifyBuild.indexOf(':train (train)') < verifyBuild.indexOf(':report (report)') : 'report did not run after train'
assert verifyBuild.contains('Parrot report of 1 model from target/models: target/site/parrot.html')

// 3. The site: parrot.html, listed under Project Reports.
assert builds[3].contains('Parrot report of 1 model from target/models: target/site/parrot.html')
def page = new File(basedir, 'target/site/parrot.html')
assert page.isFile() : "no $page"
def html = page.text
assert html.contains('Model noises')
['click', 'hiss', 'whistle'].each { sound ->
    assert html.contains("<th scope=\"row\">${sound}</th>") : "no matrix row for ${sound}"
    assert html.contains("<td class=\"parrot-sound\">${sound}</td>") : "no per-sound row for ${sound}"
}
assert html =~ /<span class="parrot-accuracy-value">[0-9.]+%<\/span>/ : 'no accuracy percentage'
assert html =~ /<div class="parrot-accuracy parrot-(good|fair|poor)">/ : 'the accuracy box has no colour'
assert html =~ /<td class="parrot-cell parrot-right" style="--bg:#[0-9a-f]{6};--fg:#[0-9a-f]{6}"/ : 'no coloured diagonal'
assert html.contains('How the model was made')
// classify's accuracy on the six recordings the model never saw, read from where classify wrote it.
assert new File(basedir, 'target/parrot/noises-unseen.json').isFile()
assert html.contains('On recordings it never saw')
assert html =~ /[0-9]+ of 6 recordings in .*unseen recognised, measured by parrot:classify on /
assert html.contains('<style>') : 'the CSS did not reach the page'

// Two trainings (steps 2 and 3) left two entries in the history beside the model, and the page plots them.
def history = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/models/noises-history.json'))
assert history.builds.size() == 2 : "expected two trainings in the history, found ${history.builds.size()}"
assert html.contains('<svg class="parrot-chart"') : 'no history chart'
assert html.contains('over the last 2 trainings')
// Every recording to listen to plays a clip that was copied into the site, a few seconds long at most.
assert html.contains('Recordings to listen to')
def clips = (html =~ /<audio controls preload="none" src="([^"]+)"/).collect { it[1] }
def players = (html =~ /<audio\b/).count
assert players > 0 : 'the page has no <audio> player: there is nothing to listen to'
assert clips.size() == players : "${players} players, but ${clips.size()} of them play a clip in the site"
clips.each { src ->
    def clip = new File(basedir, "target/site/${src}")
    assert clip.isFile() : "the page plays ${src}, which is not in the site"
    assert clip.length() <= 44 + 3 * 16000 * 2 : "${src} is longer than three seconds"
}
assert !log.contains('The Parrot report under <reporting> needs a newer site plugin') : 'warned with 3.21.0 pinned'

def reports = new File(basedir, 'target/site/project-reports.html')
assert reports.isFile() : "no $reports"
assert reports.text.contains('href="parrot.html"') : 'parrot.html is not listed under Project Reports'

assert !log.contains('[ERROR]')
return true
