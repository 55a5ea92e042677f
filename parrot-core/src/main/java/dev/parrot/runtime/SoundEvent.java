package dev.parrot.runtime;

import java.util.Map;

/**
 * A sound recognised in a live stream.
 *
 * @param sound the sound
 * @param confidence its probability in the window, 0..1
 * @param levelDbfs the window's RMS level in dBFS: how loud it was made
 * @param timeSeconds where the window starts, in seconds of audio since the stream started
 * @param probabilities every sound's probability in the window, in the model's label order
 */
public record SoundEvent(String sound, double confidence, double levelDbfs, double timeSeconds,
        Map<String, Double> probabilities) {
}
