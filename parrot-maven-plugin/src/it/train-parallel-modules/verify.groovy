import groovy.json.JsonSlurper

import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
def models = new File(basedir, 'models')
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert log.count('Model written to') == 2

// Both files from one training: the JSON's hash of the classifier is the classifier's.
def model = new JsonSlurper().parse(new File(models, 'shared.json'))
assert model.training.seed in [1, 2]
def sha = MessageDigest.getInstance('SHA-256').digest(new File(models, 'shared.model').bytes).encodeHex().toString()
assert model.fingerprint.classifierSha256 == sha
// And its onset model from the same training.
def onsetSha = MessageDigest.getInstance('SHA-256').digest(new File(models, 'shared.onsets.model').bytes).encodeHex()
        .toString()
assert model.onsets.classifierSha256 == onsetSha
assert models.list().sort() == ['shared-history.json', 'shared.json', 'shared.model', 'shared.onsets.model']
return true
