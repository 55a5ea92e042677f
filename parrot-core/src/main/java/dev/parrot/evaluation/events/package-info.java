/**
 * Detections on long recordings and live streams judged against a reference of where the sounds truly are: recall of
 * onsets, false alarms per minute of background, delay from onset to event, and Parrot.py's kinds of error (early
 * start, late stop, full false positive; lag, stutter, cut-off, full miss).
 */
package dev.parrot.evaluation.events;
