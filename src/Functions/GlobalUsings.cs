// The worker's and the application's namespaces are used by nearly every function class; importing them once keeps
// each file's usings to what is specific to it.
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.Azure.Functions.Worker;
global using Microsoft.Extensions.Logging;
global using Scheduler.Application;
global using Scheduler.Application.Alerts;
global using Scheduler.Application.Authorities;
global using Scheduler.Application.Errors;
global using Scheduler.Application.Input;
global using Scheduler.Application.Subjects;
global using Scheduler.Application.WorkLists;
global using Scheduler.Functions.Http;
global using Scheduler.Functions.Views;
