// Two sound folders holding the same clicks: no model can tell them apart, so both fall below any high recall.
sounds = ['click']
takes = 4
evaluate(new File(itScripts, 'copy-samples.groovy'))
new File(basedir, 'recordings/click-twin').mkdirs()
new File(basedir, 'recordings/click').listFiles().each {
    java.nio.file.Files.copy(it.toPath(), new File(basedir, 'recordings/click-twin/' + it.name).toPath())
}
return true
