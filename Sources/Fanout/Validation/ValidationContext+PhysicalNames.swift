extension ValidationContext {
    /// The region the service is checked for, when the options or the service name one;
    /// `nil` when the deploying tool chooses it.
    var knownRegion: String? { variables.region }

    /// `text` as AWS will see it in the deployed stack: Serverless variables resolved for the
    /// stage and region, an unknown region kept as `${AWS::Region}` (the same in every name of
    /// one stack, so two names compare as they will once deployed). `nil` when another
    /// variable cannot be resolved (FAN006 reports that).
    func physicalName(_ text: Text) -> String? {
        try? text.resolved { variable in
            variables.value(of: variable) ?? (variable.meaning == .region ? "${AWS::Region}" : nil)
        }.get()
    }

    /// Where the resource with this logical ID comes from: the declared resource, or the
    /// function a generated resource belongs to; `nil` for other generated resources.
    func location(ofLogicalID id: String) -> SourceLocation? {
        if let resource = resource(id) { return resource.location }
        return service.functions.first { function in
            let key = function.key
            return [Naming.lambdaLogicalID(key), Naming.logGroupLogicalID(key), Naming.functionRoleLogicalID(key),
                    Naming.apiGatewayPermissionLogicalID(key)].contains(id)
                || id.hasPrefix(Naming.normalizedFunctionName(key) + "EventSourceMappingSQS")
        }?.location
    }
}
