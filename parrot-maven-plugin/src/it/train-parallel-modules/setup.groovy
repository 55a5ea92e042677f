sounds = ['click', 'hiss']
takes = 4
return evaluate(new File(itScripts, 'copy-samples.groovy'))
