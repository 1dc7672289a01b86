import Fanout
import Testing

/// The Serverless Framework's naming rules, with the examples its source and real templates show.
@Suite struct NamingTests {
    @Test(arguments: [
        ("processorOne", "ProcessorOne"), ("trigger", "Trigger"),
        ("process-one", "ProcessDashone"), ("process_one", "ProcessUnderscoreone"),
    ])
    func functionNames(key: String, normalized: String) {
        #expect(Naming.normalizedFunctionName(key) == normalized)
    }

    @Test(arguments: [
        ("trigger", "Trigger"), ("fanOut", "Fanout"), ("fan-out", "FanDashout"),
        ("{id}", "IdVar"), ("{proxy+}", "ProxyVar"),
    ])
    func pathParts(part: String, normalized: String) {
        #expect(Naming.normalizedPathPart(part) == normalized)
    }

    @Test func resourceAndMethodIDs() {
        #expect(Naming.apiGatewayResourceLogicalID("v1/users") == "ApiGatewayResourceV1Users")
        #expect(Naming.apiGatewayMethodLogicalID(path: "trigger", method: .post) == "ApiGatewayMethodTriggerPost")
        #expect(Naming.apiGatewayMethodLogicalID(path: "", method: .any) == "ApiGatewayMethodAny")
    }

    @Test func eventSourceMappingIDs() {
        #expect(Naming.sqsEventSourceMappingLogicalID("processorOne", queueName: "ProcessingQueueOne")
            == "ProcessorOneEventSourceMappingSQSProcessingQueueOne")
        let literal = Value.string("arn:aws:sqs:sa-east-1:123456789012:espera-entrega")
        #expect(Naming.sqsQueueName(fromARN: literal) == "espera-entrega")
        #expect(Naming.sqsEventSourceMappingLogicalID("hello", queueName: "espera-entrega")
            == "HelloEventSourceMappingSQSEsperaentrega")
        #expect(Naming.sqsQueueName(fromARN: .getAtt("ProcessingQueueOne", "Arn")) == "ProcessingQueueOne")
    }
}
