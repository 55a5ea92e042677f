import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def models = new File(basedir, 'target/models')
assert new File(models, 'sounds.model').length() > 0
def model = new JsonSlurper().parse(new File(models, 'sounds.json'))

assert model.labels == ['click', 'hiss', 'whistle']
assert model.evaluation.accuracy >= 0.9
assert model.evaluation.confusionMatrix.labels == model.labels
def total = model.evaluation.confusionMatrix.counts.flatten().sum()
assert total == model.evaluation.windows
assert model.training.sounds*.recordings == [6, 6, 6]
assert model.training.skipped.isEmpty()
assert model.classifier.name == 'random-forest'
assert model.classifier.options.contains('-I 20')

assert log.contains('Balancing the data set')
assert log =~ /fold 3\/3: trained on \d+ windows/
assert log =~ /Accuracy: 0\.\d{4} \(\+\/- 0\.\d{4}\)/
assert log.contains('Model written to')
// Nothing was left half-written next to the model.
assert models.listFiles().findAll { it.name.endsWith('.tmp') }.isEmpty()
return true
