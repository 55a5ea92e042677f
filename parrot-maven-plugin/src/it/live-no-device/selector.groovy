// Only where Java Sound finds no device to record from, as on the machines that build this.
import javax.sound.sampled.AudioSystem
import javax.sound.sampled.Line
import javax.sound.sampled.TargetDataLine

!AudioSystem.getMixerInfo().any { AudioSystem.getMixer(it).isLineSupported(new Line.Info(TargetDataLine)) }
