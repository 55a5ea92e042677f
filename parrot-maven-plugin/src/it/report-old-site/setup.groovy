sounds = ['click', 'hiss']
takes = 3
return evaluate(new File(itScripts, 'copy-samples.groovy'))
