// Two sound folders holding the same clicks: whatever either is heard as, the other's audio fires it as often, so no
// threshold keeps its false alarms within 1 per minute and neither is reported live in most of its takes.
sounds = ['click']
takes = 4
evaluate(new File(itScripts, 'copy-samples.groovy'))
new File(basedir, 'recordings/click-twin').mkdirs()
new File(basedir, 'recordings/click').listFiles().each {
    java.nio.file.Files.copy(it.toPath(), new File(basedir, 'recordings/click-twin/' + it.name).toPath())
}
return true
