// Three of the sample sounds: four takes each to train on, and the next two as recordings the model never saw.
import java.nio.file.Files

sounds = ['click', 'hiss', 'whistle']
takes = 4
evaluate(new File(itScripts, 'copy-samples.groovy'))
sounds.each { sound ->
    def target = new File(basedir, "unseen/${sound}")
    target.mkdirs()
    new File(sampleRecordings, sound).listFiles().findAll { it.name.endsWith('.wav') }.sort { it.name }
            .drop(takes).take(2).each { Files.copy(it.toPath(), new File(target, it.name).toPath()) }
}
return true
