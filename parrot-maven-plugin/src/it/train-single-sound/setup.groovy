def source = new File(sampleRecordings, 'click')
def target = new File(basedir, 'recordings/click')
target.mkdirs()
source.listFiles().findAll { it.name.endsWith('.wav') }.take(4).each {
    java.nio.file.Files.copy(it.toPath(), new File(target, it.name).toPath())
}
return true
