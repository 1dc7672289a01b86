import Fanout
import Testing

/// FAN305, FAN306 and FAN407: execution roles IAM accepts.
@Suite struct RoleRuleTests {
    let bucket: Value = "arn:aws:s3:::reports/*"

    @Test func fan305StatementShapes() {
        let line = #line + 4
        let service = Service("svc", runtime: .nodejs24x) {
            IAM {
                Fixtures.publishStatement
                Statement(principal: .service("lambda.amazonaws.com"), actions: ["s3:GetObject"], resources: [bucket])
                Statement(actions: [], resources: [bucket])
                Statement(actions: ["GetObject"], resources: [bucket])
                Statement(actions: ["s3:GetObject"], resources: [])
                Statement(sid: "read-reports", actions: ["s3:GetObject"], resources: [bucket])
            }
            Fixtures.topic
            Fixtures.publisher
        }
        #expect(Fixtures.codes(service) == Array(repeating: "FAN305", count: 5))
        let diagnostics = Fixtures.diagnostics("FAN305", service)
        #expect(diagnostics.map { $0.location?.line } == Array(line..<line + 5))
        #expect(diagnostics[0].message.contains("has a Principal"))
        #expect(diagnostics[4].message.contains("'readreports'"))
        let ownLine = #line + 3
        let own = Service("svc", runtime: .nodejs24x) {
            Function("reader", handler: "r.handler") {
                Statement(principal: .everyone, actions: ["s3:GetObject"], resources: [bucket])
            }
        }
        #expect(Fixtures.codes(own) == ["FAN305"])
        #expect(Fixtures.diagnostics("FAN305", own).first?.location?.line == ownLine)
        let wellFormed = Service("svc", runtime: .nodejs24x) {
            IAM {
                Fixtures.publishStatement
                Statement(sid: "ReadReports2", actions: ["s3:GetObject", "s3:ListBucket"], resources: [bucket])
            }
            Fixtures.topic
            Fixtures.publisher
        }
        #expect(Fixtures.codes(wellFormed) == [])
    }

    @Test func fan306ResourceIsNoARN() {
        let queue = Queue("Jobs")
        let topic = Topic("Events")
        let line = #line + 4
        let service = Service("svc", runtime: .nodejs24x) {
            queue
            topic
            IAM { Statement(actions: ["sqs:ListQueueTags"], resources: [queue.url]) }
            IAM { Statement(actions: ["sns:GetTopicAttributes"], resources: [topic.topicName]) }
            Function("reader", handler: "r.handler") {
                Statement(actions: ["sqs:ListQueueTags"], resources: ["https://sqs.eu-central-1.amazonaws.com/123456789012/jobs"])
            }
        }
        #expect(Fixtures.codes(service) == ["FAN306", "FAN306", "FAN306"])
        let diagnostics = Fixtures.diagnostics("FAN306", service)
        #expect(diagnostics.map { $0.location?.line } == [line, line + 1, line + 3])
        #expect(diagnostics[0].message.contains("use queue.arn (!GetAtt Jobs.Arn)"))
        let arns = Service("svc", runtime: .nodejs24x) {
            queue
            topic
            IAM { Statement(actions: ["sqs:ListQueueTags"], resources: [queue.arn]) }
            IAM { Statement(actions: ["sns:GetTopicAttributes"], resources: [topic.arn]) }
            Function("reader", handler: "r.handler") {
                Statement(actions: ["sqs:ListQueueTags"], resources: ["arn:aws:sqs:eu-central-1:123456789012:jobs"])
                Statement(actions: ["sqs:ListQueueTags"], resources: ["arn:aws:sqs:${aws:region}:123456789012:jobs"])
            }
        }
        #expect(Fixtures.codes(arns) == [])
    }

    @Test func fan407SharedRoleNameOver64Characters() {
        // 30 + 10 characters: "<service>-<stage>-eu-central-1-lambdaRole" is 65.
        let service = "orders-fulfilment-notification"
        let line = #line + 1
        let long = Service(service, runtime: .nodejs24x, region: "eu-central-1", stage: "production") {
            Function("f", handler: "f.handler")
        }
        #expect(Fixtures.codes(long) == ["FAN407"])
        let diagnostic = Fixtures.diagnostics("FAN407", long).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.message.contains("65 characters") == true)
        let shorter = Service(service, runtime: .nodejs24x, region: "eu-west-1", stage: "production") {
            Function("f", handler: "f.handler")
        }
        #expect(Fixtures.codes(shorter) == [])
        let perFunction = Service(service, runtime: .nodejs24x, region: "eu-central-1", stage: "production", roles: .perFunction) {
            Function("f", handler: "f.handler")
        }
        #expect(Fixtures.codes(perFunction) == [])
    }

    @Test func fan407MeasuresTheLongestCommercialRegionWhenNoneIsNamed() {
        // The service name, "-production-" and "-lambdaRole" take 50 characters with a
        // 27-character service name: 64 with a 14-character commercial region such as
        // ap-southeast-1, 65 with us-isof-south-1 (15, an isolated region).
        let service = "orders-fulfilment-notifica"
        let line = #line + 1
        let commercial = Service(service + "xx", runtime: .nodejs24x, stage: "production") {
            Function("f", handler: "f.handler")
        }
        #expect(Fixtures.codes(commercial) == ["FAN407"])
        let error = Fixtures.diagnostics("FAN407", commercial).first
        #expect(error?.severity == .error)
        #expect(error?.location?.line == line)
        #expect(error?.message.contains("65 characters in ap-southeast-1") == true)
        let isolated = Service(service + "x", runtime: .nodejs24x, stage: "production") {
            Function("f", handler: "f.handler")
        }
        #expect(Fixtures.codes(isolated) == ["FAN407"])
        let warning = Fixtures.diagnostics("FAN407", isolated).first
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("65 characters, in us-isof-south-1") == true)
        let named = Service(service + "x", runtime: .nodejs24x, region: "us-east-1", stage: "production") {
            Function("f", handler: "f.handler")
        }
        #expect(Fixtures.codes(named) == [])
        let fits = Service(service, runtime: .nodejs24x, stage: "production") {
            Function("f", handler: "f.handler")
        }
        #expect(Fixtures.codes(fits) == [])
    }
}
