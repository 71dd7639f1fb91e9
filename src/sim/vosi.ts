/** The VOSI availability document skaha serves at `/skaha/availability`. */
export function availabilityXml(): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<vosi:availability xmlns:vosi="http://www.ivoa.net/xml/VOSIAvailability/v1.0">',
    '  <vosi:available>true</vosi:available>',
    '  <vosi:note>Skaha Service Available. (simulated)</vosi:note>',
    '</vosi:availability>',
    '',
  ].join('\n');
}

const SECURITY = ['ivo://ivoa.net/sso#cookie', 'ivo://ivoa.net/sso#tls-with-certificate', 'ivo://ivoa.net/sso#token'];

function capability(standardId: string, url: string, secured: boolean): string[] {
  return [
    `  <capability standardID="${standardId}">`,
    '    <interface xsi:type="vs:ParamHTTP" role="std" version="1.0">',
    `      <accessURL use="base">${url}</accessURL>`,
    ...(secured ? SECURITY.map((s) => `      <securityMethod standardID="${s}"/>`) : []),
    '    </interface>',
    '  </capability>',
  ];
}

/** The VOSI capabilities document: VOSI endpoints, the stale v0 entry, and the v1 platform capabilities. */
export function capabilitiesXml(baseUrl: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<vosi:capabilities xmlns:vosi="http://www.ivoa.net/xml/VOSICapabilities/v1.0" xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ...capability('ivo://ivoa.net/std/VOSI#capabilities', `${baseUrl}/capabilities`, false),
    ...capability('ivo://ivoa.net/std/VOSI#availability', `${baseUrl}/availability`, false),
    ...capability('vos://cadc.nrc.ca~vospace/CADC/std/Proc#sessions-1.0', `${baseUrl}/v0`, true),
    ...capability('http://www.opencadc.org/std/platform#session-1', `${baseUrl}/v1/session`, true),
    ...capability('http://www.opencadc.org/std/platform#context-1', `${baseUrl}/v1/context`, true),
    ...capability('http://www.opencadc.org/std/platform#image-1', `${baseUrl}/v1/image`, true),
    ...capability('http://www.opencadc.org/std/platform#repository-1', `${baseUrl}/v1/repository`, true),
    '</vosi:capabilities>',
    '',
  ].join('\n');
}
