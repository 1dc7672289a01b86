import Fanout
import Testing

@Suite struct TextTests {
    @Test func literalKeepsServerlessVariables() {
        let text: Text = "${self:service}-processing-queue-one"
        #expect(text.parts == [.variable(.service), .literal("-processing-queue-one")])
        #expect(text.description == "${self:service}-processing-queue-one")
    }

    @Test func interpolationAddsVariables() {
        let text: Text = "\(Variable.service)-\(Variable.stage)-topic"
        #expect(text.description == "${self:service}-${sls:stage}-topic")
        #expect(text.variables == [.service, .stage])
    }

    @Test func cloudFormationPlaceholdersStayLiteral() {
        let text: Text = "arn:${AWS::Partition}:sqs:${AWS::Region}"
        #expect(text.variables.isEmpty)
        #expect(text.value == .string("arn:${AWS::Partition}:sqs:${AWS::Region}"))
    }

    @Test func unclosedVariableStaysLiteral() {
        let text: Text = "a-${self:service"
        #expect(text.parts == [.literal("a-${self:service")])
    }

    @Test func resolvesKnownVariables() {
        let text: Text = "${self:service}-${sls:stage}-${opt:region}"
        let resolved = text.resolved { variable in
            switch variable.meaning {
            case .service: "svc"
            case .stage: "prod"
            case .region: "eu-west-1"
            case nil: nil
            }
        }
        #expect(resolved == .success("svc-prod-eu-west-1"))
    }

    @Test func reportsTheFirstUnresolvedVariable() {
        let text: Text = "${self:service}-${env:SUFFIX}"
        let resolved = text.resolved { $0.meaning == .service ? "svc" : nil }
        #expect(resolved == .failure(Text.UnresolvedVariable(variable: Variable("env:SUFFIX"))))
    }
}
