// Three of the sample sounds, four takes each: enough for a model and a page, quick to train.
sounds = ['click', 'hiss', 'whistle']
takes = 4
return evaluate(new File(itScripts, 'copy-samples.groovy'))
