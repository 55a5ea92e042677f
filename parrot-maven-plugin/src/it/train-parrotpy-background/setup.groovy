// A recordings folder as Parrot.py leaves it: per sound source/<recording>.wav and segments/<recording>.v<N>.srt,
// with its comparison track and thresholds file beside them, and a background folder of talk-like noise.
evaluate(new File(itScripts, 'long-recordings.groovy'))

File recordings = new File(basedir, 'recordings')
['low', 'high'].eachWithIndex { name, s ->
    (0..<2).each { r ->
        def (samples, truth) = longRecording(name, 12, 100 * s + r)
        String key = "mici_1__2024_0$r"
        writeWav(new File(recordings, "$name/source/${key}.wav"), samples)
        File segments = new File(recordings, "$name/segments")
        segments.mkdirs()
        if (name == 'high' && r == 0) {
            // An older version that would fail, a newer one, and a hand-made one that wins over both.
            new File(segments, "${key}.v1.srt").text = 'not an SRT file'
            new File(segments, "${key}.v2.srt").text = srt(truth.take(1), name)
            new File(segments, "${key}.MANUAL.srt").text = srt(truth, name)
        } else {
            new File(segments, "${key}.v3.srt").text = srt(truth, name)
        }
        // Parrot.py's buzzer track of what it kept, and its thresholds: never training audio.
        writeWav(new File(segments, "${key}_comparison.wav"), sound('rush', 2, 9))
        new File(segments, "${key}_thresholds.txt").text = "${name}_min_dbfs=-40.0\n"
    }
}
(0..<2).each { r -> writeWav(new File(recordings, "background/talk$r" + '.wav'), longRecording('rush', 8, 50 + r)[0]) }

['low', 'high'].eachWithIndex { name, s ->
    (0..<2).each { t -> writeWav(new File(basedir, "unseen/$name/clip$t" + '.wav'), clip(name, 7000 + 10 * s + t)) }
}
writeWav(new File(basedir, 'unseen/silence/room.wav'), room(2, 8000))
true
