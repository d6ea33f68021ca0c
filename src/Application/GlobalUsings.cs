// The application's own namespaces and the logging abstractions are used throughout; importing them once keeps
// each file's usings to what is specific to it.
global using Microsoft.Extensions.Logging;
global using NodaTime.Extensions;
global using Scheduler.Application.Alerts;
global using Scheduler.Application.Alerts.Dispatch;
global using Scheduler.Application.Alerts.Sweep;
global using Scheduler.Application.Audit;
global using Scheduler.Application.Authorities;
global using Scheduler.Application.CaseEvents;
global using Scheduler.Application.Errors;
global using Scheduler.Application.Input;
global using Scheduler.Application.Json;
global using Scheduler.Application.Ports;
global using Scheduler.Application.Retention;
global using Scheduler.Application.Subjects;
global using Scheduler.Application.Subjects.DueIndex;
global using Scheduler.Application.WorkLists;
global using SubjectKind = Scheduler.Domain.Alerts.SubjectKind;
