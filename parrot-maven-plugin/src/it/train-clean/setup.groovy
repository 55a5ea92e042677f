sounds = ['click', 'hiss', 'whistle']
takes = 6
return evaluate(new File(itScripts, 'copy-samples.groovy'))
