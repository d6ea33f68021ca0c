// The SDK and the application's namespaces are used throughout the adapters; importing them once keeps each
// file's usings to what is specific to it.
global using Azure;
global using Azure.Data.Tables;
global using Microsoft.Extensions.Logging;
global using Scheduler.Application;
global using Scheduler.Application.Alerts;
global using Scheduler.Application.Alerts.Dispatch;
global using Scheduler.Application.Alerts.Sweep;
global using Scheduler.Application.Audit;
global using Scheduler.Application.Authorities;
global using Scheduler.Application.Input;
global using Scheduler.Application.Json;
global using Scheduler.Application.Ports;
global using Scheduler.Application.Subjects;
global using Scheduler.Application.Subjects.DueIndex;
global using SubjectKind = Scheduler.Domain.Alerts.SubjectKind;
