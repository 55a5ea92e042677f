// Shared by the setup scripts under src/it: copies the first `takes` sample recordings of each of `sounds` into
// the test project's recordings/ folder, so that no integration test carries audio of its own.
import java.nio.file.Files
import java.nio.file.StandardCopyOption

sounds.each { sound ->
    def source = new File(sampleRecordings, sound)
    def target = new File(basedir, 'recordings/' + sound)
    target.mkdirs()
    source.listFiles().findAll { it.name.endsWith('.wav') }.sort { it.name }.take(takes).each {
        Files.copy(it.toPath(), new File(target, it.name).toPath(), StandardCopyOption.REPLACE_EXISTING)
    }
}
return true
