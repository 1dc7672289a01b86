@testable import Fanout
import FanoutExamples
import Testing

/// The bind stage computes every resource's properties once for the stages after it; what
/// they read must be what each resource computes, and a changed resource list must not be
/// answered from properties computed before the change.
@Suite struct CompiledPropertiesTests {
    @Test func boundPropertiesAreTheResourcesOwn() {
        for service in Examples.all.map(\.service) {
            let bound = Pipeline().bind(service)
            for (index, resource) in bound.resources.enumerated() {
                #expect(bound.properties(ofResourceAt: index) == resource.properties, "\(resource.logicalID)")
                #expect(bound.definition(ofResourceAt: index) == resource.definition, "\(resource.logicalID)")
            }
        }
    }

    @Test func changingTheResourcesDropsWhatWasComputed() {
        var bound = Pipeline().bind(Examples.production)
        let index = bound.resources.firstIndex { $0 is Queue } ?? 0
        let replacement = Queue("Replacement", name: "replacement", visibilityTimeout: 77)
        bound.resources[index] = replacement
        #expect(bound.properties(ofResourceAt: index) == replacement.properties)
        bound.resources.removeAll()
        bound.resources.append(replacement)
        #expect(bound.properties(ofResourceAt: 0) == replacement.properties)
    }
}
