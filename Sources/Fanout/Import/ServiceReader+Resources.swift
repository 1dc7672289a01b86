import OrderedCollections
import YAML

extension ServiceReader {
    /// `resources:`: `Resources` and `Outputs`; other template sections are errors.
    func readResources(_ section: Entry, into service: inout Service) {
        guard let parts = entries(section.value, path: section.path) else { return }
        for part in parts {
            switch part.key {
            case "Resources":
                guard let resources = entries(part.value, path: part.path) else { continue }
                service.resources += resources.compactMap(resource)
            case "Outputs":
                guard let outputs = entries(part.value, path: part.path) else { continue }
                service.outputs += outputs.compactMap(output)
            default:
                report(ImportCode.unknownResourceContent, .error,
                       "`resources.\(part.key)` is not imported: Fanout writes only `Resources` and `Outputs`, so the serverless.yml it emits would not have it",
                       path: part.path, at: part.keyMark)
            }
        }
    }

    private func resource(_ entry: Entry) -> (any Resource)? {
        guard let attributes = entries(entry.value, path: entry.path) else { return nil }
        var type: String?
        var properties: OrderedDictionary<String, Value> = [:]
        var dependsOn: [String] = []
        for attribute in attributes {
            switch attribute.key {
            case "Type":
                type = string(attribute)
            case "Properties":
                guard let value = value(attribute.value, path: attribute.path) else { continue }
                guard case .map(let map) = value else {
                    report(ImportCode.wrongShape, .error, "`Properties` must be a mapping; they are not imported",
                           path: attribute.path, at: attribute.value.mark)
                    continue
                }
                properties = map
            case "DependsOn":
                switch value(attribute.value, path: attribute.path) {
                case .string(let id)?:
                    dependsOn = [id]
                case .list(let items)? where items.allSatisfy({ $0.stringValue != nil }):
                    dependsOn = items.compactMap(\.stringValue)
                    if dependsOn.count == 1 {
                        report(ImportCode.rewritten, .note, "`DependsOn: [\(dependsOn[0])]` is written as `DependsOn: \(dependsOn[0])`",
                               path: attribute.path, at: attribute.value.mark)
                    }
                case nil:
                    break
                default:
                    report(ImportCode.wrongShape, .error, "`DependsOn` must be a logical ID or a list of them; it is not imported",
                           path: attribute.path, at: attribute.value.mark)
                }
            default:
                report(ImportCode.unknownResourceContent, .error,
                       "`\(attribute.key)` of resource `\(entry.key)` is not imported: Fanout writes a resource's Type, DependsOn and Properties only, so the serverless.yml it emits would not have it",
                       path: attribute.path, at: attribute.keyMark)
            }
        }
        guard let type else {
            report(ImportCode.wrongShape, .error, "resource `\(entry.key)` is not imported: it has no `Type`",
                   path: entry.path, at: entry.keyMark)
            return nil
        }
        let line = entry.keyMark?.line ?? 0
        do throws(Refusal) {
            var typed = try ModelValues.resource(entry.key, type: type, properties: properties, file: file, line: line)
            typed.dependsOn = dependsOn
            return typed
        } catch {
            report(ImportCode.customResource, .note,
                   "`\(entry.key)` (\(type)) is kept as a CustomResource, written as given and not checked by Fanout's rules: \(error.message)",
                   path: entry.path, at: entry.keyMark)
            var custom = CustomResource(entry.key, type: type, properties: properties, file: file, line: line)
            custom.dependsOn = dependsOn
            return custom
        }
    }

    private func output(_ entry: Entry) -> Output? {
        guard let settings = entries(entry.value, path: entry.path) else { return nil }
        var value: Value?
        var description: String?
        var exportName: Text?
        for setting in settings {
            switch setting.key {
            case "Value":
                value = self.value(setting.value, path: setting.path)
            case "Description":
                description = string(setting)
            case "Export":
                guard let export = entries(setting.value, path: setting.path) else { continue }
                for part in export {
                    if part.key == "Name", case let name?? = self.value(part.value, path: part.path).map(ServiceReader.plainString) {
                        exportName = Text(stringLiteral: name)
                    } else {
                        report(ImportCode.unknownResourceContent, .error,
                               "`Export.\(part.key)` is not imported: Fanout's Output exports under a `Name` written as a string (variables allowed, not intrinsic functions)",
                               path: part.path, at: part.keyMark)
                    }
                }
            default:
                report(ImportCode.unknownResourceContent, .error,
                       "`\(setting.key)` of output `\(entry.key)` is not imported: Fanout's Output has only Value, Description and Export.Name",
                       path: setting.path, at: setting.keyMark)
            }
        }
        guard let value else {
            report(ImportCode.wrongShape, .error, "output `\(entry.key)` is not imported: it has no `Value`",
                   path: entry.path, at: entry.keyMark)
            return nil
        }
        return Output(entry.key, value: value, description: description, exportName: exportName,
                      file: file, line: entry.keyMark?.line ?? 0)
    }
}
