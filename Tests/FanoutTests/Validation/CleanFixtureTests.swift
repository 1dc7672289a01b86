import Fanout
import Testing

/// The fixtures the rule tests start from lint clean, so each rule test sees only its rule.
@Suite struct CleanFixtureTests {
    @Test func edgeWithConsumerIsClean() {
        let service = Service("svc", runtime: .nodejs24x) {
            for component in Fixtures.edge { component }
            Fixtures.consumer
        }
        #expect(Fixtures.codes(service) == [])
    }

    @Test func publisherWithPermissionIsClean() {
        let service = Service("svc", runtime: .nodejs24x) {
            IAM { Fixtures.publishStatement }
            Fixtures.topic
            Fixtures.publisher
        }
        #expect(Fixtures.codes(service) == [])
    }
}
