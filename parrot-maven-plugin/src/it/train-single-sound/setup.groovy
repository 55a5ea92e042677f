sounds = ['click']
takes = 4
return evaluate(new File(itScripts, 'copy-samples.groovy'))
