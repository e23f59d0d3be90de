// Generated from codebook.schema.json by scripts/generate-validator.mjs; do not edit.
/* eslint-disable */
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://codeboom.invalid/codebook.schema.json","title":"Codeboom codebook","description":"The codebook of a Codeboom project: a tree of codes with labels, definitions and the settings that say which files are transcripts.","type":"object","additionalProperties":false,"required":["codes"],"properties":{"version":{"description":"Version of the codebook format. Only 1 exists.","const":1},"title":{"description":"The project's title, in one language or several.","$ref":"#/definitions/localized"},"description":{"description":"What the project studies, in one language or several.","$ref":"#/definitions/localized"},"project":{"$ref":"#/definitions/project"},"codes":{"$ref":"#/definitions/codes"}},"definitions":{"slug":{"type":"string","pattern":"^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*$"},"path":{"type":"string","pattern":"^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*(/[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*)*$"},"language":{"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},"localized":{"description":"A text, or a map from language code (nl, en, ...) to the text in that language.","oneOf":[{"type":"string"},{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/language"},"additionalProperties":{"type":"string"}}]},"color":{"type":"string","description":"A colour as #RRGGBB or #RGB.","pattern":"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"},"codes":{"description":"Codes keyed by slug. The path of a code is its ancestors' slugs and its own joined by '/'.","type":"object","propertyNames":{"$ref":"#/definitions/slug"},"additionalProperties":{"$ref":"#/definitions/code"}},"code":{"type":"object","additionalProperties":false,"required":["label"],"properties":{"label":{"description":"The code's name as researchers read it.","$ref":"#/definitions/localized"},"definition":{"description":"What the code means: a brief, precise definition.","$ref":"#/definitions/localized"},"when_to_use":{"description":"Inclusion criteria: when a passage gets this code.","$ref":"#/definitions/localized"},"when_not_to_use":{"description":"Exclusion criteria, and which neighbouring code to use instead.","$ref":"#/definitions/localized"},"examples":{"description":"Typical passages coded with this code.","type":"array","items":{"$ref":"#/definitions/localized"}},"color":{"$ref":"#/definitions/color"},"codable":{"description":"false for a node that only groups other codes and is never put on a passage.","type":"boolean"},"aliases":{"description":"Old paths of this code that still resolve to it, with a warning.","type":"array","items":{"$ref":"#/definitions/path"},"uniqueItems":true},"deprecated":{"description":"true, or the reason, when the code should no longer be used.","oneOf":[{"type":"boolean"},{"type":"string"}]},"merged_into":{"description":"The path of the code this one was merged into; its tags count for that code.","$ref":"#/definitions/path"},"memo":{"description":"The researcher's notes on the code (its history, doubts, decisions).","type":"string"},"guid":{"description":"The code's GUID in REFI-QDA exchanges (MAXQDA, NVivo, ATLAS.ti, ...), kept so that a codebook exported again updates the copy in the other program instead of duplicating it. Written by 'codeboom import'.","type":"string","pattern":"^(\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"},"codes":{"$ref":"#/definitions/codes"}}},"project":{"type":"object","additionalProperties":false,"properties":{"language":{"description":"The language labels and definitions are shown in when the user's is not in the codebook.","$ref":"#/definitions/language"},"transcripts":{"description":"Globs, relative to the folder of codebook.yaml, of the files that are transcripts.","type":"array","items":{"type":"string","minLength":1},"minItems":1},"exclude":{"description":"Globs of files that are never transcripts, even when 'transcripts' matches them.","type":"array","items":{"type":"string","minLength":1}},"speaker_pattern":{"description":"A regular expression that matches a speaker label at the start of a line; the named group 'speaker' (or the first group) is the label.","type":"string","minLength":1},"interviewers":{"description":"Speaker labels of interviewers; their turns are left out of participant counts.","type":"array","items":{"type":"string","minLength":1}},"participants":{"description":"Speaker labels that are participants in every transcript (for group interviews), besides each transcript's own 'participant'.","type":"array","items":{"type":"string","minLength":1}},"count_interviewers":{"description":"true to count interviewer turns as participants in reports.","type":"boolean"},"severity":{"description":"Severity per diagnostic code, e.g. {\"code.not-codable\": error}.","type":"object","additionalProperties":{"enum":["error","warning","information","hint","off"]}}}}}};
const schema12 = {"description":"A text, or a map from language code (nl, en, ...) to the text in that language.","oneOf":[{"type":"string"},{"type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/language"},"additionalProperties":{"type":"string"}}]};
const schema13 = {"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"};
const pattern0 = new RegExp("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(typeof data !== "string"){
const err0 = {instancePath,schemaPath:"#/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(Object.keys(data).length < 1){
const err1 = {instancePath,schemaPath:"#/oneOf/1/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
const _errs5 = errors;
if(typeof key0 === "string"){
if(!pattern0.test(key0)){
const err2 = {instancePath,schemaPath:"#/definitions/language/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"+"\"",propertyName:key0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath,schemaPath:"#/definitions/language/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var valid1 = _errs5 === errors;
if(!valid1){
const err4 = {instancePath,schemaPath:"#/oneOf/1/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
for(const key1 in data){
if(typeof data[key1] !== "string"){
const err5 = {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/oneOf/1/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err7 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate11.errors = vErrors;
return errors === 0;
}

const schema14 = {"type":"object","additionalProperties":false,"properties":{"language":{"description":"The language labels and definitions are shown in when the user's is not in the codebook.","$ref":"#/definitions/language"},"transcripts":{"description":"Globs, relative to the folder of codebook.yaml, of the files that are transcripts.","type":"array","items":{"type":"string","minLength":1},"minItems":1},"exclude":{"description":"Globs of files that are never transcripts, even when 'transcripts' matches them.","type":"array","items":{"type":"string","minLength":1}},"speaker_pattern":{"description":"A regular expression that matches a speaker label at the start of a line; the named group 'speaker' (or the first group) is the label.","type":"string","minLength":1},"interviewers":{"description":"Speaker labels of interviewers; their turns are left out of participant counts.","type":"array","items":{"type":"string","minLength":1}},"participants":{"description":"Speaker labels that are participants in every transcript (for group interviews), besides each transcript's own 'participant'.","type":"array","items":{"type":"string","minLength":1}},"count_interviewers":{"description":"true to count interviewer turns as participants in reports.","type":"boolean"},"severity":{"description":"Severity per diagnostic code, e.g. {\"code.not-codable\": error}.","type":"object","additionalProperties":{"enum":["error","warning","information","hint","off"]}}}};
const func2 = require("ajv/dist/runtime/ucs2length").default;

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((((key0 === "language") || (key0 === "transcripts")) || (key0 === "exclude")) || (key0 === "speaker_pattern")) || (key0 === "interviewers")) || (key0 === "participants")) || (key0 === "count_interviewers")) || (key0 === "severity"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.language !== undefined){
let data0 = data.language;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err1 = {instancePath:instancePath+"/language",schemaPath:"#/definitions/language/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"+"\""};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/language",schemaPath:"#/definitions/language/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.transcripts !== undefined){
let data1 = data.transcripts;
if(Array.isArray(data1)){
if(data1.length < 1){
const err3 = {instancePath:instancePath+"/transcripts",schemaPath:"#/properties/transcripts/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(typeof data2 === "string"){
if(func2(data2) < 1){
const err4 = {instancePath:instancePath+"/transcripts/" + i0,schemaPath:"#/properties/transcripts/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/transcripts/" + i0,schemaPath:"#/properties/transcripts/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/transcripts",schemaPath:"#/properties/transcripts/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.exclude !== undefined){
let data3 = data.exclude;
if(Array.isArray(data3)){
const len1 = data3.length;
for(let i1=0; i1<len1; i1++){
let data4 = data3[i1];
if(typeof data4 === "string"){
if(func2(data4) < 1){
const err7 = {instancePath:instancePath+"/exclude/" + i1,schemaPath:"#/properties/exclude/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/exclude/" + i1,schemaPath:"#/properties/exclude/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath:instancePath+"/exclude",schemaPath:"#/properties/exclude/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.speaker_pattern !== undefined){
let data5 = data.speaker_pattern;
if(typeof data5 === "string"){
if(func2(data5) < 1){
const err10 = {instancePath:instancePath+"/speaker_pattern",schemaPath:"#/properties/speaker_pattern/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/speaker_pattern",schemaPath:"#/properties/speaker_pattern/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.interviewers !== undefined){
let data6 = data.interviewers;
if(Array.isArray(data6)){
const len2 = data6.length;
for(let i2=0; i2<len2; i2++){
let data7 = data6[i2];
if(typeof data7 === "string"){
if(func2(data7) < 1){
const err12 = {instancePath:instancePath+"/interviewers/" + i2,schemaPath:"#/properties/interviewers/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/interviewers/" + i2,schemaPath:"#/properties/interviewers/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/interviewers",schemaPath:"#/properties/interviewers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.participants !== undefined){
let data8 = data.participants;
if(Array.isArray(data8)){
const len3 = data8.length;
for(let i3=0; i3<len3; i3++){
let data9 = data8[i3];
if(typeof data9 === "string"){
if(func2(data9) < 1){
const err15 = {instancePath:instancePath+"/participants/" + i3,schemaPath:"#/properties/participants/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/participants/" + i3,schemaPath:"#/properties/participants/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/participants",schemaPath:"#/properties/participants/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.count_interviewers !== undefined){
if(typeof data.count_interviewers !== "boolean"){
const err18 = {instancePath:instancePath+"/count_interviewers",schemaPath:"#/properties/count_interviewers/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.severity !== undefined){
let data11 = data.severity;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
for(const key1 in data11){
let data12 = data11[key1];
if(!(((((data12 === "error") || (data12 === "warning")) || (data12 === "information")) || (data12 === "hint")) || (data12 === "off"))){
const err19 = {instancePath:instancePath+"/severity/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/severity/additionalProperties/enum",keyword:"enum",params:{allowedValues: schema14.properties.severity.additionalProperties.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/severity",schemaPath:"#/properties/severity/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}

const schema16 = {"description":"Codes keyed by slug. The path of a code is its ancestors' slugs and its own joined by '/'.","type":"object","propertyNames":{"$ref":"#/definitions/slug"},"additionalProperties":{"$ref":"#/definitions/code"}};
const schema17 = {"type":"string","pattern":"^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*$"};
const pattern2 = new RegExp("^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*$", "u");
const schema18 = {"type":"object","additionalProperties":false,"required":["label"],"properties":{"label":{"description":"The code's name as researchers read it.","$ref":"#/definitions/localized"},"definition":{"description":"What the code means: a brief, precise definition.","$ref":"#/definitions/localized"},"when_to_use":{"description":"Inclusion criteria: when a passage gets this code.","$ref":"#/definitions/localized"},"when_not_to_use":{"description":"Exclusion criteria, and which neighbouring code to use instead.","$ref":"#/definitions/localized"},"examples":{"description":"Typical passages coded with this code.","type":"array","items":{"$ref":"#/definitions/localized"}},"color":{"$ref":"#/definitions/color"},"codable":{"description":"false for a node that only groups other codes and is never put on a passage.","type":"boolean"},"aliases":{"description":"Old paths of this code that still resolve to it, with a warning.","type":"array","items":{"$ref":"#/definitions/path"},"uniqueItems":true},"deprecated":{"description":"true, or the reason, when the code should no longer be used.","oneOf":[{"type":"boolean"},{"type":"string"}]},"merged_into":{"description":"The path of the code this one was merged into; its tags count for that code.","$ref":"#/definitions/path"},"memo":{"description":"The researcher's notes on the code (its history, doubts, decisions).","type":"string"},"guid":{"description":"The code's GUID in REFI-QDA exchanges (MAXQDA, NVivo, ATLAS.ti, ...), kept so that a codebook exported again updates the copy in the other program instead of duplicating it. Written by 'codeboom import'.","type":"string","pattern":"^(\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"},"codes":{"$ref":"#/definitions/codes"}}};
const schema19 = {"type":"string","description":"A colour as #RRGGBB or #RGB.","pattern":"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"};
const schema20 = {"type":"string","pattern":"^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*(/[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*)*$"};
const func7 = Object.prototype.hasOwnProperty;
const func0 = require("ajv/dist/runtime/equal").default;
const pattern3 = new RegExp("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$", "u");
const pattern4 = new RegExp("^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*(/[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*)*$", "u");
const pattern6 = new RegExp("^(\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$", "u");
const wrapper0 = {validate: validate16};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.label === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "label"},message:"must have required property '"+"label"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func7.call(schema18.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.label !== undefined){
if(!(validate11(data.label, {instancePath:instancePath+"/label",parentData:data,parentDataProperty:"label",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.definition !== undefined){
if(!(validate11(data.definition, {instancePath:instancePath+"/definition",parentData:data,parentDataProperty:"definition",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.when_to_use !== undefined){
if(!(validate11(data.when_to_use, {instancePath:instancePath+"/when_to_use",parentData:data,parentDataProperty:"when_to_use",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.when_not_to_use !== undefined){
if(!(validate11(data.when_not_to_use, {instancePath:instancePath+"/when_not_to_use",parentData:data,parentDataProperty:"when_not_to_use",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.examples !== undefined){
let data4 = data.examples;
if(Array.isArray(data4)){
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(!(validate11(data4[i0], {instancePath:instancePath+"/examples/" + i0,parentData:data4,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
}
else {
const err2 = {instancePath:instancePath+"/examples",schemaPath:"#/properties/examples/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.color !== undefined){
let data6 = data.color;
if(typeof data6 === "string"){
if(!pattern3.test(data6)){
const err3 = {instancePath:instancePath+"/color",schemaPath:"#/definitions/color/pattern",keyword:"pattern",params:{pattern: "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"},message:"must match pattern \""+"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/color",schemaPath:"#/definitions/color/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.codable !== undefined){
if(typeof data.codable !== "boolean"){
const err5 = {instancePath:instancePath+"/codable",schemaPath:"#/properties/codable/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.aliases !== undefined){
let data8 = data.aliases;
if(Array.isArray(data8)){
const len1 = data8.length;
for(let i1=0; i1<len1; i1++){
let data9 = data8[i1];
if(typeof data9 === "string"){
if(!pattern4.test(data9)){
const err6 = {instancePath:instancePath+"/aliases/" + i1,schemaPath:"#/definitions/path/pattern",keyword:"pattern",params:{pattern: "^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*(/[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*)*$"},message:"must match pattern \""+"^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*(/[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*)*$"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/aliases/" + i1,schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
let i2 = data8.length;
let j0;
if(i2 > 1){
outer0:
for(;i2--;){
for(j0 = i2; j0--;){
if(func0(data8[i2], data8[j0])){
const err8 = {instancePath:instancePath+"/aliases",schemaPath:"#/properties/aliases/uniqueItems",keyword:"uniqueItems",params:{i: i2, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i2+" are identical)"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err9 = {instancePath:instancePath+"/aliases",schemaPath:"#/properties/aliases/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.deprecated !== undefined){
let data10 = data.deprecated;
const _errs20 = errors;
let valid8 = false;
let passing0 = null;
const _errs21 = errors;
if(typeof data10 !== "boolean"){
const err10 = {instancePath:instancePath+"/deprecated",schemaPath:"#/properties/deprecated/oneOf/0/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
var _valid0 = _errs21 === errors;
if(_valid0){
valid8 = true;
passing0 = 0;
}
const _errs23 = errors;
if(typeof data10 !== "string"){
const err11 = {instancePath:instancePath+"/deprecated",schemaPath:"#/properties/deprecated/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid0 = _errs23 === errors;
if(_valid0 && valid8){
valid8 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid8 = true;
passing0 = 1;
}
}
if(!valid8){
const err12 = {instancePath:instancePath+"/deprecated",schemaPath:"#/properties/deprecated/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
else {
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
}
}
if(data.merged_into !== undefined){
let data11 = data.merged_into;
if(typeof data11 === "string"){
if(!pattern4.test(data11)){
const err13 = {instancePath:instancePath+"/merged_into",schemaPath:"#/definitions/path/pattern",keyword:"pattern",params:{pattern: "^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*(/[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*)*$"},message:"must match pattern \""+"^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*(/[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*)*$"+"\""};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/merged_into",schemaPath:"#/definitions/path/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.memo !== undefined){
if(typeof data.memo !== "string"){
const err15 = {instancePath:instancePath+"/memo",schemaPath:"#/properties/memo/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.guid !== undefined){
let data13 = data.guid;
if(typeof data13 === "string"){
if(!pattern6.test(data13)){
const err16 = {instancePath:instancePath+"/guid",schemaPath:"#/properties/guid/pattern",keyword:"pattern",params:{pattern: "^(\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"},message:"must match pattern \""+"^(\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"+"\""};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/guid",schemaPath:"#/properties/guid/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.codes !== undefined){
if(!(wrapper0.validate(data.codes, {instancePath:instancePath+"/codes",parentData:data,parentDataProperty:"codes",rootData}))){
vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
errors = vErrors.length;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}


function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
const _errs1 = errors;
if(typeof key0 === "string"){
if(!pattern2.test(key0)){
const err0 = {instancePath,schemaPath:"#/definitions/slug/pattern",keyword:"pattern",params:{pattern: "^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*$"},message:"must match pattern \""+"^[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*$"+"\"",propertyName:key0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath,schemaPath:"#/definitions/slug/type",keyword:"type",params:{type: "string"},message:"must be string",propertyName:key0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var valid0 = _errs1 === errors;
if(!valid0){
const err2 = {instancePath,schemaPath:"#/propertyNames",keyword:"propertyNames",params:{propertyName: key0},message:"property name must be valid"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
for(const key1 in data){
if(!(validate17(data[key1], {instancePath:instancePath+"/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data,parentDataProperty:key1,rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate16.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://codeboom.invalid/codebook.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.codes === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "codes"},message:"must have required property '"+"codes"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "version") || (key0 === "title")) || (key0 === "description")) || (key0 === "project")) || (key0 === "codes"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.version !== undefined){
if(1 !== data.version){
const err2 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.title !== undefined){
if(!(validate11(data.title, {instancePath:instancePath+"/title",parentData:data,parentDataProperty:"title",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.description !== undefined){
if(!(validate11(data.description, {instancePath:instancePath+"/description",parentData:data,parentDataProperty:"description",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.project !== undefined){
if(!(validate14(data.project, {instancePath:instancePath+"/project",parentData:data,parentDataProperty:"project",rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
}
if(data.codes !== undefined){
if(!(validate16(data.codes, {instancePath:instancePath+"/codes",parentData:data,parentDataProperty:"codes",rootData}))){
vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
errors = vErrors.length;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

