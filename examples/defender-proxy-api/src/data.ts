/** Fixed sample data: the example is about who may call what, not about Defender's data model. */
export interface Alert {
  id: string
  title: string
  severity: 'Informational' | 'Low' | 'Medium' | 'High'
  machineId: string
}

export interface Machine {
  id: string
  computerDnsName: string
  healthStatus: 'Active' | 'Inactive'
}

export const ALERTS: readonly Alert[] = [
  {
    id: 'da637472900382838869_1364969609',
    title: 'Suspicious PowerShell command line',
    severity: 'Medium',
    machineId: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
  },
  {
    id: 'da637472900382838869_1364969610',
    title: 'Ransomware behavior detected',
    severity: 'High',
    machineId: '7292e4e8f8b9ad9c5cbf8dcd6e4f0b6c0a4f8b9e',
  },
]

export const MACHINES: readonly Machine[] = [
  {
    id: '1e5bc9d7e413ddd7902c2932e418702b84d0cc07',
    computerDnsName: 'ws-finance-07.contoso.local',
    healthStatus: 'Active',
  },
  {
    id: '7292e4e8f8b9ad9c5cbf8dcd6e4f0b6c0a4f8b9e',
    computerDnsName: 'srv-files-02.contoso.local',
    healthStatus: 'Active',
  },
]
