package dev.parrot.maven.report;

import dev.parrot.model.ModelDescriptor;

import java.util.List;
import java.util.Map;

/**
 * The recordings cross-validation got most wrong, each with a player: a wrong recording is often a bad take or a
 * sound in the wrong folder, which one hears at once and no figure shows.
 */
public final class MistakesView {

    private MistakesView() {
    }

    /**
     * A recording cross-validation got wrong, with a player.
     *
     * @param file the path relative to the recordings folder
     * @param sound the sound it was recorded as
     * @param heardAs what it was heard as
     * @param detail how wrong, in words: "as a whole; 14 of 20 windows"
     * @param clip the link to its excerpt in the site, or empty when there is none
     */
    public record Listen(String file, String sound, String heardAs, String detail, String clip) {
    }

    /** The evaluation's mistakes, worst first as it kept them, with their clips where there are some. */
    static List<Listen> of(ModelDescriptor.Evaluation e, Map<String, String> clips, ReportLabels l) {
        return e.mistakes().stream().map(m -> new Listen(m.file(), m.sound(), m.heardAs(),
                l.get(m.recordingWrong() ? "mistakes.detail.whole" : "mistakes.detail.windows",
                        l.count(m.windowsWrong()), l.count(m.windows())),
                clips.getOrDefault(m.file(), ""))).toList();
    }
}
