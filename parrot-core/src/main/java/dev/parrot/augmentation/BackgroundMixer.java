package dev.parrot.augmentation;

import dev.parrot.model.AugmentationSettings;

import java.util.List;
import java.util.Random;

/**
 * Puts a take of a sound in context, as a live stream hears it: a stretch of the user's own background recordings
 * (speech, room, typing) before the sound and under it, at a random signal-to-noise ratio. A take recorded alone
 * starts from digital silence, so without this the features that look back in time (decay from the recent peak,
 * earlier levels) and the attack windows never see a hit that follows speech. With no background recordings, the
 * bed is coloured noise.
 */
public final class BackgroundMixer {

    /**
     * A take in context.
     *
     * @param samples the background before the sound, then the sound with background under it
     * @param soundStart where the sound starts in {@code samples}
     */
    public record Mixed(float[] samples, int soundStart) {
    }

    private final AugmentationSettings settings;
    private final int sampleRate;
    private final List<float[]> backgrounds;

    /**
     * @param backgrounds the background recordings at {@code sampleRate}; empty for coloured noise
     */
    public BackgroundMixer(AugmentationSettings settings, int sampleRate, List<float[]> backgrounds) {
        this.settings = settings;
        this.sampleRate = sampleRate;
        this.backgrounds = backgrounds.stream().filter(b -> Augmenter.meanPower(b) > 0).toList();
    }

    /**
     * The sound (not changed) after a random lead of background and over it; the background's mean power lies a
     * random {@code minContextSnrDb..maxContextSnrDb} below the sound's loudest 30 ms. A silent sound is returned
     * as it is.
     */
    public Mixed mix(float[] sound, Random random) {
        int lead = (int) (Augmenter.uniform(random, 0, settings.maxLeadSeconds()) * sampleRate);
        double snrDb = Augmenter.uniform(random, settings.minContextSnrDb(), settings.maxContextSnrDb());
        double loudest = Augmenter.loudestPower(sound, sampleRate);
        float[] out = new float[lead + sound.length];
        System.arraycopy(sound, 0, out, lead, sound.length);
        float[] bed = bed(out.length, random);
        double power = Augmenter.meanPower(bed);
        if (loudest <= 0 || power <= 0) {
            return new Mixed(out, lead);
        }
        double scale = Math.sqrt(loudest / Math.pow(10, snrDb / 10) / power);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.max(-1, Math.min(1, out[i] + bed[i] * scale));
        }
        return new Mixed(out, lead);
    }

    /** {@code length} samples from a random place of a random background recording (looped when it is shorter). */
    private float[] bed(int length, Random random) {
        return backgrounds.isEmpty() ? Augmenter.colouredNoise(length, random) : slice(backgrounds, length, random);
    }

    /**
     * {@code length} samples from a random place of a random one of {@code sources} (none empty), looped when it is
     * shorter: a bed for a sound heard in context.
     */
    public static float[] slice(List<float[]> sources, int length, Random random) {
        float[] source = sources.get(random.nextInt(sources.size()));
        int from = random.nextInt(source.length);
        float[] bed = new float[length];
        for (int i = 0; i < length; i++) {
            bed[i] = source[(from + i) % source.length];
        }
        return bed;
    }
}
