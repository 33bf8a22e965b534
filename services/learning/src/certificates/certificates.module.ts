import { Module } from '@nestjs/common';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { issuerInfoProvider } from './issuer-info.provider';

@Module({ controllers: [CertificatesController], providers: [CertificatesService, issuerInfoProvider], exports: [CertificatesService, issuerInfoProvider] })
export class CertificatesModule {}
