// Copies the sample recordings of three sounds, six takes each.
def copy(String sound, int takes) {
    def source = new File(sampleRecordings, sound)
    def target = new File(basedir, "recordings/" + sound)
    target.mkdirs()
    source.listFiles().findAll { it.name.endsWith('.wav') }.sort { it.name }.take(takes).each {
        java.nio.file.Files.copy(it.toPath(), new File(target, it.name).toPath(),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING)
    }
}
['click', 'hiss', 'whistle'].each { copy(it, 6) }
return true
