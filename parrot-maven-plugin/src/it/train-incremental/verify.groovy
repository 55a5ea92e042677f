import groovy.json.JsonSlurper

import java.security.MessageDigest
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
def models = new File(basedir, 'target/models')

assert log.contains('Training model sounds: there is no model yet')
assert log.contains('Model sounds is up to date: 8 recordings, settings unchanged; -Dparrot.force=true retrains')
assert log.count('is up to date') == 1
assert log.contains('Training model sounds: recordings were added, changed or removed (9 now, 8 before)')
assert log.count('Model written to') == 2
assert log.contains('Model sounds passes its quality gate: accuracy')

def model = new JsonSlurper().parse(new File(models, 'sounds.json'))
assert model.training.sounds*.recordings == [4, 5]
assert model.fingerprint.recordingCount == 9
def sha = MessageDigest.getInstance('SHA-256').digest(new File(models, 'sounds.model').bytes).encodeHex().toString()
assert model.fingerprint.classifierSha256 == sha

// IDEs find the lifecycle mapping in the plugin's jar as installed.
def jar = new File(localRepositoryPath, 'dev/parrot/parrot-maven-plugin').listFiles().find { it.isDirectory() }
        .listFiles().find { it.name.endsWith('.jar') }
def zip = new ZipFile(jar)
try {
    def entry = zip.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml')
    assert entry != null
    def xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(zip.getInputStream(entry))
    assert xml.documentElement.tagName == 'lifecycleMappingMetadata'
} finally {
    zip.close()
}
return true
