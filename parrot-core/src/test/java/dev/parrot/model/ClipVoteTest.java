package dev.parrot.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClipVoteTest {

    private static final List<String> LABELS = List.of("click", "pop", "room");

    private static ClipVote vote(List<String> background, double[]... windows) {
        ClipVote vote = new ClipVote(LABELS, background);
        for (double[] w : windows) {
            vote.add(w);
        }
        return vote;
    }

    @Test
    void theHighestMeanProbabilityWinsNotTheMostWindows() {
        // Two windows of three lean to click, but pop has the higher mean.
        ClipVote vote = vote(List.of(), new double[] {0.6, 0.4, 0}, new double[] {0.2, 0.7, 0.1},
                new double[] {0.5, 0.4, 0.1});
        assertEquals(1, vote.winner());
        assertArrayEquals(new double[] {1.3 / 3, 1.5 / 3, 0.2 / 3}, vote.mean(), 1e-12);
        assertEquals(3, vote.windows());
    }

    @Test
    void noWindowNoWinner() {
        assertEquals(-1, vote(List.of()).winner());
    }

    @Test
    void aQuarterOfWindowsHeardAsASoundMakeItASoundOverBackground() {
        double[] room = {0.05, 0.05, 0.9};
        double[] click = {0.7, 0.1, 0.2};
        // One window of four heard as a click: the mean says room, the vote says click.
        assertEquals(0, vote(List.of("room"), room, room, room, click).winner());
        // One of five is not enough.
        assertEquals(2, vote(List.of("room"), room, room, room, room, click).winner());
        // Without background labels the mean decides.
        assertEquals(2, vote(List.of(), room, room, room, click).winner());
    }
}
